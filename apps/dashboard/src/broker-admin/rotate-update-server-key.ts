import type { Payload } from 'payload';
import { BrokerAdminError, invalidRequest } from './broker-admin-errors.js';
import { callKeyApi, type KeyApiOptions } from './call-key-api.js';
import { parseRotateKeyInput } from './key-inputs.js';
import { loadBroker } from './load-broker.js';
import { managedKeyId } from './managed-key.js';
import { withSecret, type UpdateServerKeyWithSecret } from './update-server-key.js';

/**
 * Give an update-server key a new secret; the old one keeps working for `overlapHours` (the
 * broker's default, 24 h, when absent) so the update server can switch without a failed write.
 * The answer holds the new key once.
 * @example const { key, previousSecretValidUntil } = await rotateUpdateServerKey(payload, 3, keyId, { overlapHours: 2 });
 */
export async function rotateUpdateServerKey(
  payload: Payload,
  brokerId: number,
  keyId: unknown,
  body: unknown,
  options: KeyApiOptions = {},
): Promise<UpdateServerKeyWithSecret> {
  const parsed = parseRotateKeyInput(body);
  if (!parsed.ok) throw invalidRequest(parsed.problems);
  const { overlapHours } = parsed.value;
  const broker = await loadBroker(payload, brokerId);
  const { id, status } = await managedKeyId(broker, keyId, options);
  if (status === 'revoked') {
    throw new BrokerAdminError('KeyRevoked', `Key ${id} is revoked: create a new key instead`);
  }
  const rotated = await callKeyApi(
    broker,
    {
      method: 'POST',
      path: `/admin/keys/${id}/rotate`,
      body: overlapHours === undefined ? {} : { overlap: overlapHours * 3600 },
    },
    options,
  );
  return withSecret(rotated);
}
