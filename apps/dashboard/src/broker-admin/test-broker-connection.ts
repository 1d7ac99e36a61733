import type { Payload } from 'payload';
import { BrokerAdminError } from './broker-admin-errors.js';
import { callBroker, type BrokerAnswer, type BrokerCall } from './call-broker.js';
import { loadBroker, type AdminBroker } from './load-broker.js';

/** One check of a broker connection, as the admin sees it (never a key or the broker's URL). */
export interface ConnectionCheck {
  name: 'reachable' | 'read key' | 'admin key' | 'latency';
  ok: boolean;
  detail: string;
}

/** The answer of "Test connection". */
export interface ConnectionReport {
  brokerId: number;
  /** Every check passed. */
  ok: boolean;
  checkedAt: string;
  checks: ConnectionCheck[];
}

/** Round trips above this are reported as slow (not failed: the maps still work). */
export const SLOW_BROKER_MS = 1_000;

export interface ConnectionTestOptions {
  fetchImpl?: typeof fetch;
  timeoutMs?: number;
}

/**
 * Check a configured broker: is it reachable and ready, does it accept the stored read key for
 * the broker's tenant (GET /ngsi-ld/v1/types) and the stored admin key (GET /admin/keys), and
 * how long a round trip takes. Only the broker stored under `brokerId` is called.
 * @example const report = await testBrokerConnection(payload, 3); // { ok, checks: [{ name: 'reachable', ok: true, … }, …] }
 */
export async function testBrokerConnection(
  payload: Payload,
  brokerId: number,
  options: ConnectionTestOptions = {},
): Promise<ConnectionReport> {
  const broker = await loadBroker(payload, brokerId);
  const call = (request: BrokerCall) =>
    callBroker(broker.url, { timeoutMs: options.timeoutMs, ...request }, options.fetchImpl);
  const checks: ConnectionCheck[] = [];
  let health: BrokerAnswer;
  try {
    health = await call({ method: 'GET', path: '/health/ready' });
    // Brokers without LegoCity's readiness route (other NGSI-LD brokers) still have /version.
    if (health.status === 404) health = await call({ method: 'GET', path: '/version' });
  } catch (error) {
    const detail = failureText(error);
    checks.push({ name: 'reachable', ok: false, detail });
    for (const name of ['read key', 'admin key', 'latency'] as const) {
      checks.push({ name, ok: false, detail: 'not checked: broker unreachable' });
    }
    return report(brokerId, checks);
  }
  checks.push(readiness(health));
  checks.push(await readKeyCheck(broker, call));
  checks.push(await adminKeyCheck(broker, call));
  checks.push({
    name: 'latency',
    ok: health.elapsedMs <= SLOW_BROKER_MS,
    detail:
      health.elapsedMs <= SLOW_BROKER_MS
        ? `${health.elapsedMs} ms round trip`
        : `${health.elapsedMs} ms round trip (slow: over ${SLOW_BROKER_MS} ms)`,
  });
  return report(brokerId, checks);
}

type Call = (request: BrokerCall) => Promise<BrokerAnswer>;

function readiness(health: BrokerAnswer): ConnectionCheck {
  if (health.status === 200) return { name: 'reachable', ok: true, detail: 'broker is ready' };
  if (health.status === 503) {
    return { name: 'reachable', ok: false, detail: 'broker answers but is not ready (503)' };
  }
  return {
    name: 'reachable',
    ok: false,
    detail: `broker answered HTTP ${health.status} to its readiness check`,
  };
}

async function readKeyCheck(broker: AdminBroker, call: Call): Promise<ConnectionCheck> {
  const name = 'read key';
  if (broker.readKey === undefined) return { name, ok: false, detail: 'no read key configured' };
  const tenant = broker.tenant === undefined ? 'the default tenant' : `tenant '${broker.tenant}'`;
  try {
    const answer = await call({
      method: 'GET',
      path: '/ngsi-ld/v1/types',
      key: broker.readKey,
      tenant: broker.tenant,
    });
    if (answer.status === 200) return { name, ok: true, detail: `read key accepted for ${tenant}` };
    // The key passed (access is checked first); the tenant has simply never been written to.
    if (answer.status === 404 && problemType(answer.body).endsWith('/NonexistentTenant')) {
      return {
        name,
        ok: true,
        detail: `read key accepted; ${tenant} has no data yet (never written to)`,
      };
    }
    return { name, ok: false, detail: refusal('read key', answer.status, tenant) };
  } catch (error) {
    return { name, ok: false, detail: failureText(error) };
  }
}

async function adminKeyCheck(broker: AdminBroker, call: Call): Promise<ConnectionCheck> {
  const name = 'admin key';
  if (broker.adminKey === undefined) {
    return { name, ok: false, detail: 'no admin key configured (update-server keys unavailable)' };
  }
  try {
    const answer = await call({ method: 'GET', path: '/admin/keys', key: broker.adminKey });
    if (answer.status === 200) return { name, ok: true, detail: 'admin key accepted' };
    return { name, ok: false, detail: refusal('admin key', answer.status) };
  } catch (error) {
    return { name, ok: false, detail: failureText(error) };
  }
}

function refusal(what: string, status: number, tenant?: string): string {
  if (status === 401) return `${what} refused (401)`;
  if (status === 403) {
    return tenant === undefined
      ? `${what} refused (403): it lacks the admin scope`
      : `${what} refused for ${tenant} (403)`;
  }
  if (status === 429) return `${what} check rate-limited by the broker (429)`;
  return `${what} check failed: broker answered HTTP ${status}`;
}

function problemType(body: unknown): string {
  const type = (body as { type?: unknown } | null | undefined)?.type;
  return typeof type === 'string' ? type : '';
}

function failureText(error: unknown): string {
  if (error instanceof BrokerAdminError) return error.message;
  return 'check failed: unexpected error (see the server log)';
}

function report(brokerId: number, checks: ConnectionCheck[]): ConnectionReport {
  return {
    brokerId,
    ok: checks.every((check) => check.ok),
    checkedAt: new Date().toISOString(),
    checks,
  };
}
