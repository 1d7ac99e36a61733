import { apiKeyStore, type ApiKeyRecord } from './api-key-store.js';
import { auditStore } from './audit-log.js';
import { actorOf, keyNotFound, type KeyAdminContext } from './key-admin-context.js';

/**
 * Revoke a key: refused at once by this process, by every other within the key cache time (2 s).
 * Revoking a revoked key changes nothing and is not an error.
 * @example await revokeApiKey(admin, '9f2c4e1a0b7d3c55')
 */
export async function revokeApiKey(admin: KeyAdminContext, id: string): Promise<ApiKeyRecord> {
  const record = await admin.db.transaction(async (tx) => {
    const revoked = await apiKeyStore.revoke(tx, id, admin.now().toISOString());
    if (!revoked) throw keyNotFound(id);
    await auditStore.insert(tx, {
      ...actorOf(admin),
      action: 'key.revoked',
      target: id,
      outcome: 'success',
      detail: { name: revoked.name },
    });
    return revoked;
  });
  admin.authenticator.forget(id);
  return record;
}
