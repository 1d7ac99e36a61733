import { apiKeyStore, type ApiKeyRecord } from './api-key-store.js';
import type { KeyAdminContext } from './key-admin-context.js';

/**
 * Every key, revoked and expired ones included, newest first.
 * @example const records = await listApiKeys(admin)
 */
export async function listApiKeys(admin: KeyAdminContext): Promise<ApiKeyRecord[]> {
  return apiKeyStore.list(admin.db);
}
