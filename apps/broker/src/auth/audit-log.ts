import type { Queryable } from '../storage/database.js';
import { iso } from './api-key-store.js';

/** One row of legocity.audit_event. */
export interface AuditEvent {
  id: string;
  at: string;
  actorKeyId: string | undefined;
  actorName: string | undefined;
  /** `key.created`, `key.rotated`, `key.revoked`, `request.denied`, `backup.created`, `backup.restored`. */
  action: string;
  target: string | undefined;
  outcome: 'success' | 'denied';
  detail: Record<string, unknown>;
}

export type NewAuditEvent = Omit<
  AuditEvent,
  'id' | 'at' | 'actorKeyId' | 'actorName' | 'target'
> & {
  actorKeyId?: string | undefined;
  actorName?: string | undefined;
  target?: string | undefined;
};

interface AuditRow {
  id: string;
  at: Date | string;
  actor_key_id: string | null;
  actor_name: string | null;
  action: string;
  target: string | null;
  outcome: 'success' | 'denied';
  detail: Record<string, unknown>;
}

/** SQL of legocity.audit_event. */
export const auditStore = {
  /** @example await auditStore.insert(tx, { action: 'key.created', outcome: 'success', detail: {} }) */
  async insert(db: Queryable, event: NewAuditEvent): Promise<void> {
    await db.query(
      `insert into legocity.audit_event (actor_key_id, actor_name, action, target, outcome, detail)
       values ($1, $2, $3, $4, $5, $6::jsonb)`,
      [
        event.actorKeyId ?? null,
        event.actorName ?? null,
        event.action,
        event.target ?? null,
        event.outcome,
        JSON.stringify(event.detail),
      ],
    );
  },

  /**
   * Events after an event id, oldest first (a cursor: pass the last id seen as `after`).
   * @example const page = await auditStore.list(db, { after: 0, limit: 100 })
   */
  async list(db: Queryable, page: { after: number; limit: number }): Promise<AuditEvent[]> {
    const { rows } = await db.query<AuditRow>(
      `select id::text as id, at, actor_key_id, actor_name, action, target, outcome, detail
       from legocity.audit_event where id > $1 order by id limit $2`,
      [page.after, page.limit],
    );
    return rows.map((row) => ({
      id: row.id,
      at: iso(row.at) ?? '',
      actorKeyId: row.actor_key_id ?? undefined,
      actorName: row.actor_name ?? undefined,
      action: row.action,
      target: row.target ?? undefined,
      outcome: row.outcome,
      detail: row.detail,
    }));
  },
};
