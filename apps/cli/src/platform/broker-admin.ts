import { probe, type Probe } from './probe.js';

/** Calls to the broker's admin API (/admin/…) with the admin key. */
export interface BrokerAdmin {
  call<T>(method: string, path: string, body?: unknown): Promise<Probe<T>>;
}

/**
 * A client of the broker's admin API. The key travels only in the Authorization header.
 * @example const admin = brokerAdmin('http://127.0.0.1:1026', key, 5000); await admin.call('GET', '/admin/keys');
 */
export function brokerAdmin(
  brokerUrl: string,
  key: string,
  timeoutMs: number,
  fetchImpl?: typeof fetch,
): BrokerAdmin {
  const base = brokerUrl.replace(/\/+$/, '');
  return {
    call: <T>(method: string, path: string, body?: unknown) =>
      probe<T>(`${base}${path}`, {
        method,
        timeoutMs,
        ...(fetchImpl && { fetchImpl }),
        headers: {
          authorization: `Bearer ${key}`,
          ...(body !== undefined && { 'content-type': 'application/json' }),
        },
        ...(body !== undefined && { body: JSON.stringify(body) }),
      }),
  };
}

/**
 * A failed admin call in one line: the ProblemDetails title/detail, or why there was no answer.
 * @example describeFailure(result) // 'HTTP 403: Forbidden — the key lacks the admin scope'
 */
export function describeFailure(result: Probe): string {
  if (!result.ok) return result.error;
  const body = result.body as { title?: string; detail?: string; errors?: unknown } | undefined;
  const detail = [body?.title, body?.detail].filter(Boolean).join(' — ');
  return `HTTP ${result.status}${detail ? `: ${detail}` : ''}`;
}
