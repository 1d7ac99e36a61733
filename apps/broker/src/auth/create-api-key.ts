import { hashSecret, newKeyId, newSecret } from './api-key-secret.js';
import { apiKeyStore, type ApiKeyRecord } from './api-key-store.js';
import { auditStore } from './audit-log.js';
import { actorOf, type KeyAdminContext } from './key-admin-context.js';
import type { CreateKeyRequest } from './parse-key-requests.js';

/**
 * Create an API key and audit it. The returned `key` is the only time its secret exists outside
 * the client: only its hash is stored.
 * @example const { record, key } = await createApiKey(admin, { name: 'weather', scopes, … })
 */
export async function createApiKey(
  admin: KeyAdminContext,
  request: CreateKeyRequest,
): Promise<{ record: ApiKeyRecord; key: string }> {
  const id = newKeyId();
  const { key, secret } = newSecret(id);
  const record = await admin.db.transaction(async (tx) => {
    const stored = await apiKeyStore.insert(tx, {
      id,
      name: request.name,
      scopes: request.scopes,
      secretHash: hashSecret(secret),
      expiresAt: request.expiresAt,
      rateLimit: request.rateLimit,
      createdBy: admin.actor?.name,
    });
    await auditStore.insert(tx, {
      ...actorOf(admin),
      action: 'key.created',
      target: id,
      outcome: 'success',
      detail: { name: request.name, scopes: request.scopes, expiresAt: request.expiresAt ?? null },
    });
    return stored;
  });
  return { record, key };
}
