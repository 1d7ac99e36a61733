import { hashSecret, newSecret } from './api-key-secret.js';
import { apiKeyStore, type ApiKeyRecord } from './api-key-store.js';
import { auditStore } from './audit-log.js';
import { actorOf, keyNotFound, type KeyAdminContext } from './key-admin-context.js';

/**
 * Give a live key a new secret; the old one keeps working for `overlapMs` so that clients can
 * switch without a failed request. Revoked keys cannot be rotated (ResourceNotFound).
 * @example const { key } = await rotateApiKey(admin, id, 3_600_000)
 */
export async function rotateApiKey(
  admin: KeyAdminContext,
  id: string,
  overlapMs: number,
): Promise<{ record: ApiKeyRecord; key: string }> {
  const { key, secret } = newSecret(id);
  const until = new Date(admin.now().getTime() + overlapMs).toISOString();
  const record = await admin.db.transaction(async (tx) => {
    const rotated = await apiKeyStore.rotate(tx, id, hashSecret(secret), until);
    if (!rotated) throw keyNotFound(id);
    await auditStore.insert(tx, {
      ...actorOf(admin),
      action: 'key.rotated',
      target: id,
      outcome: 'success',
      detail: { name: rotated.name, previousSecretValidUntil: until },
    });
    return rotated;
  });
  admin.authenticator.forget(id);
  return { record, key };
}
