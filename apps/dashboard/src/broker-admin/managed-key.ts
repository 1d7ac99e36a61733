import { BrokerAdminError, invalidRequest } from './broker-admin-errors.js';
import { callKeyApi, type KeyApiOptions } from './call-key-api.js';
import { parseKeyId } from './key-inputs.js';
import type { AdminBroker } from './load-broker.js';
import { isUpdateServerKey, toUpdateServerKey, type UpdateServerKey } from './update-server-key.js';

/**
 * The id and status of a key this panel may change: a valid key id naming an update-server key of the
 * broker. The dashboard's own read key and admin keys cannot be rotated or revoked from here
 * (409), so that the panel cannot cut the dashboard off its broker.
 * @example const { id } = await managedKeyId(broker, routeParams.keyId);
 */
export async function managedKeyId(
  broker: AdminBroker,
  rawKeyId: unknown,
  options: KeyApiOptions = {},
): Promise<{ id: string; status: UpdateServerKey['status'] }> {
  const parsed = parseKeyId(rawKeyId);
  if (!parsed.ok) throw invalidRequest(parsed.problems);
  const view = await callKeyApi(
    broker,
    { method: 'GET', path: `/admin/keys/${parsed.value}` },
    options,
  );
  if (!isUpdateServerKey(view)) {
    throw new BrokerAdminError(
      'NotUpdateServerKey',
      `Key ${parsed.value} is not an update-server key (only keys with write scopes are managed here)`,
    );
  }
  return { id: parsed.value, status: toUpdateServerKey(view).status };
}
