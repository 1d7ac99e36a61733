import { BrokerAdminError, redactKeys } from './broker-admin-errors.js';
import { callBroker, type BrokerCall } from './call-broker.js';
import { adminKeyOf, type AdminBroker } from './load-broker.js';

/** Options shared by the update-server key operations. */
export interface KeyApiOptions {
  fetchImpl?: typeof fetch;
  timeoutMs?: number;
  now?: () => Date;
}

/**
 * Call the broker's key API (/admin/keys…) with the broker's stored admin key and return the
 * JSON body of a 2xx answer. Refusals become BrokerAdminErrors whose message says what the
 * broker refused, with every key masked: 404 → UnknownKey, anything else → 502 "broker refused: …".
 * @example const views = await callKeyApi(broker, { method: 'GET', path: '/admin/keys' });
 */
export async function callKeyApi(
  broker: AdminBroker,
  call: Omit<BrokerCall, 'key' | 'tenant'>,
  options: KeyApiOptions = {},
): Promise<unknown> {
  const adminKey = adminKeyOf(broker);
  const answer = await callBroker(
    broker.url,
    { timeoutMs: options.timeoutMs, ...call, key: adminKey },
    options.fetchImpl,
  );
  if (answer.status >= 200 && answer.status < 300) return answer.body;
  const secrets = [adminKey, broker.readKey];
  if (answer.status === 404 && call.path.startsWith('/admin/keys/')) {
    throw new BrokerAdminError('UnknownKey', 'The key does not exist on this broker');
  }
  if (answer.status === 401) {
    throw new BrokerAdminError('BrokerRefused', 'broker refused: admin key refused (401)');
  }
  if (answer.status === 403) {
    throw new BrokerAdminError(
      'BrokerRefused',
      'broker refused: the admin key lacks the admin scope (403)',
    );
  }
  throw new BrokerAdminError(
    'BrokerRefused',
    `broker refused: ${redactKeys(problemText(answer.body), secrets)} (HTTP ${answer.status})`,
  );
}

/** The broker's ProblemDetails detail (or title), shortened; the status alone otherwise. */
function problemText(body: unknown): string {
  const problem = (body ?? {}) as { detail?: unknown; title?: unknown };
  const text =
    typeof problem.detail === 'string' && problem.detail !== ''
      ? problem.detail
      : typeof problem.title === 'string'
        ? problem.title
        : 'no reason given';
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}
