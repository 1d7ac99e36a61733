import type { Payload } from 'payload';
import { callKeyApi, type KeyApiOptions } from './call-key-api.js';
import { loadBroker } from './load-broker.js';
import { managedKeyId } from './managed-key.js';

/**
 * Revoke an update-server key: the broker refuses it from then on (other broker processes within
 * their key cache time). Revoking a revoked key is not an error.
 * @example await revokeUpdateServerKey(payload, 3, '9f2c4e1a0b7d3c55');
 */
export async function revokeUpdateServerKey(
  payload: Payload,
  brokerId: number,
  keyId: unknown,
  options: KeyApiOptions = {},
): Promise<{ id: string; revoked: true }> {
  const broker = await loadBroker(payload, brokerId);
  const { id } = await managedKeyId(broker, keyId, options);
  await callKeyApi(broker, { method: 'DELETE', path: `/admin/keys/${id}` }, options);
  return { id, revoked: true };
}
