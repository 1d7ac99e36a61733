import type { Payload } from 'payload';
import { BrokerAdminError } from './broker-admin-errors.js';
import { callKeyApi, type KeyApiOptions } from './call-key-api.js';
import { loadBroker } from './load-broker.js';
import { isUpdateServerKey, toUpdateServerKey, type UpdateServerKey } from './update-server-key.js';

/**
 * The update-server keys of a configured broker (keys with only write scopes), newest first,
 * revoked and expired ones included. Read through the broker's key API with its admin key;
 * never a secret.
 * @example const keys = await listUpdateServerKeys(payload, 3);
 */
export async function listUpdateServerKeys(
  payload: Payload,
  brokerId: number,
  options: KeyApiOptions = {},
): Promise<UpdateServerKey[]> {
  const broker = await loadBroker(payload, brokerId);
  const body = await callKeyApi(broker, { method: 'GET', path: '/admin/keys' }, options);
  if (!Array.isArray(body)) {
    throw new BrokerAdminError('BrokerRefused', 'broker refused: it answered no list of keys');
  }
  return body.filter(isUpdateServerKey).map(toUpdateServerKey);
}
