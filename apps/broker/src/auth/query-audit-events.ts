import { auditStore, type AuditEvent } from './audit-log.js';
import type { KeyAdminContext } from './key-admin-context.js';

/**
 * Audit events after an event id, oldest first; page with the last id seen as `after`.
 * @example const events = await queryAuditEvents(admin, { after: 0, limit: 100 })
 */
export async function queryAuditEvents(
  admin: KeyAdminContext,
  page: { after: number; limit: number },
): Promise<AuditEvent[]> {
  return auditStore.list(admin.db, page);
}
