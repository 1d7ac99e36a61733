import { BrokerAdminError } from './broker-admin-errors.js';

/** How long the dashboard waits for the broker in admin operations. */
export const BROKER_ADMIN_TIMEOUT_MS = 5_000;

/** One HTTP call to a configured broker (server side; the key never leaves this process). */
export interface BrokerCall {
  method: 'GET' | 'POST' | 'DELETE';
  /** Path below the broker's URL, e.g. "/admin/keys". */
  path: string;
  /** API key sent as a bearer token; absent → no key (open routes). */
  key?: string | undefined;
  /** NGSILD-Tenant; absent → the default tenant. */
  tenant?: string | undefined;
  body?: unknown;
  timeoutMs?: number;
}

/** The broker's answer: status, JSON body (undefined when empty or not JSON), and round trip. */
export interface BrokerAnswer {
  status: number;
  body: unknown;
  elapsedMs: number;
}

/**
 * Call a broker. Network failures become BrokerUnreachable / BrokerTimeout errors whose message
 * names what failed ("broker unreachable: connection refused"), never the URL or the key.
 * Redirects are refused so that a key is never sent to another address.
 * @example const answer = await callBroker('http://127.0.0.1:1026', { method: 'GET', path: '/admin/keys', key });
 */
export async function callBroker(
  baseUrl: string,
  call: BrokerCall,
  fetchImpl: typeof fetch = fetch,
): Promise<BrokerAnswer> {
  const timeoutMs = call.timeoutMs ?? BROKER_ADMIN_TIMEOUT_MS;
  const headers: Record<string, string> = { accept: 'application/json' };
  if (call.key !== undefined) headers.authorization = `Bearer ${call.key}`;
  if (call.tenant !== undefined) headers['ngsild-tenant'] = call.tenant;
  if (call.body !== undefined) headers['content-type'] = 'application/json';
  const started = performance.now();
  try {
    const response = await fetchImpl(brokerUrl(baseUrl, call.path), {
      method: call.method,
      headers,
      redirect: 'error',
      signal: AbortSignal.timeout(timeoutMs),
      ...(call.body !== undefined && { body: JSON.stringify(call.body) }),
    });
    const text = await response.text();
    return {
      status: response.status,
      body: parseJson(text),
      elapsedMs: Math.round(performance.now() - started),
    };
  } catch (error) {
    throw networkFailure(error, timeoutMs);
  }
}

function brokerUrl(baseUrl: string, path: string): URL {
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  return new URL(path.replace(/^\/+/, ''), base);
}

function parseJson(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

const NETWORK_CODES: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host name lookup failed',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ETIMEDOUT: 'connection timed out',
  UND_ERR_SOCKET: 'connection closed',
  UND_ERR_CONNECT_TIMEOUT: 'connection timed out',
  CERT_HAS_EXPIRED: 'TLS certificate expired',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'TLS certificate not trusted',
  SELF_SIGNED_CERT_IN_CHAIN: 'TLS certificate not trusted',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'TLS certificate not trusted',
  ERR_TLS_CERT_ALTNAME_INVALID: 'TLS certificate does not match the host',
};

/** Names the failure by its kind only: fetch messages may hold the address. */
function networkFailure(error: unknown, timeoutMs: number): BrokerAdminError {
  if (error instanceof BrokerAdminError) return error;
  const name = (error as { name?: unknown } | null)?.name;
  if (name === 'TimeoutError' || name === 'AbortError') {
    return new BrokerAdminError(
      'BrokerTimeout',
      `broker did not answer within ${timeoutMs / 1000} s`,
    );
  }
  const code = causeCode(error);
  if (code === undefined && causes(error).some((cause) => /redirect/i.test(messageOf(cause)))) {
    return new BrokerAdminError('BrokerUnreachable', 'broker unreachable: it answered a redirect');
  }
  const reason = (code && NETWORK_CODES[code]) ?? 'network error';
  return new BrokerAdminError('BrokerUnreachable', `broker unreachable: ${reason}`);
}

function causeCode(error: unknown): string | undefined {
  for (const cause of causes(error)) {
    const code = (cause as { code?: unknown }).code;
    if (typeof code === 'string') return code;
  }
  return undefined;
}

/** The error and its causes, outermost first (undici puts the reason in `cause`). */
function causes(error: unknown): object[] {
  const chain: object[] = [];
  let current: unknown = error;
  while (chain.length < 4 && typeof current === 'object' && current !== null) {
    chain.push(current);
    current = (current as { cause?: unknown }).cause;
  }
  return chain;
}

function messageOf(error: object): string {
  const message = (error as { message?: unknown }).message;
  return typeof message === 'string' ? message : '';
}
