import { apiKeyStore, type ApiKeyRecord } from './api-key-store.js';
import { keyNotFound, type KeyAdminContext } from './key-admin-context.js';

/**
 * One key by id (never its secret); ResourceNotFound when there is none.
 * @example const record = await retrieveApiKey(admin, '9f2c4e1a0b7d3c55')
 */
export async function retrieveApiKey(admin: KeyAdminContext, id: string): Promise<ApiKeyRecord> {
  const record = await apiKeyStore.find(admin.db, id);
  if (!record) throw keyNotFound(id);
  return record;
}
