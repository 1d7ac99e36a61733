import type { Entity, NotificationTrigger } from '@legocity/ngsi-ld';
import type { ChangeRow } from '../history/change-rows.js';
import { entityConditions } from '../query/entity-conditions.js';
import type { Queryable } from '../storage/database.js';
import { ENTITY_COLUMNS, rowToEntity, type EntityRow } from '../storage/entity-rows.js';
import { SqlParams, quoteIdentifier } from '../storage/sql-params.js';
import { SubscriptionStore } from '../subscriptions/subscription-store.js';
import type { ContextService } from '../contexts/context-service.js';
import { matchChange } from './match-change.js';
import { entityAtChange } from './entity-at-change.js';
import { renderNotificationEntity } from './render-notification-entity.js';
import { resolveSubscription, type ResolvedSubscription } from './resolved-subscription.js';

interface FeedRow extends ChangeRow {
  seq: number;
  txid: string;
}

export interface DispatchResult {
  /** Changes read from the log. */
  changes: number;
  /** Notifications queued in the outbox. */
  queued: number;
  /** Another process holds this tenant's cursor; nothing was done. */
  busy: boolean;
  /** The page was full: call again. */
  more: boolean;
  /** The tenant has no active subscription: changes were only skipped. */
  idle?: boolean;
}

/**
 * Move one tenant's notifier forward: in ONE transaction, lock its cursor (so only one broker
 * process dispatches a tenant at a time), read the next committed changes in commit-safe order,
 * match them against the active subscriptions, queue a rendered notification per matching
 * subscription and entity in the outbox, and advance the cursor. A crash anywhere rolls all of
 * it back, so every change is queued exactly once.
 * @example const result = await dispatchChanges(db, 'tenant_default', contexts, new Date().toISOString())
 */
export async function dispatchChanges(
  db: { transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> },
  schema: string,
  contexts: ContextService,
  now: string,
  pageSize = 500,
): Promise<DispatchResult> {
  const s = quoteIdentifier(schema);
  return db.transaction(async (tx) => {
    const cursor = await tx.query<{ txid: string; seq: number; active: boolean }>(
      `select txid::text as txid, seq, exists (select 1 from ${s}.subscription where is_active) as active
       from ${s}.notifier_cursor for update skip locked`,
    );
    const position = cursor.rows[0];
    if (!position) return { changes: 0, queued: 0, busy: true, more: false };
    if (!position.active) {
      // Nobody to notify: skip every change already safe to pass (see below) in one statement.
      const skipped = await tx.query(
        `update ${s}.notifier_cursor c set txid = last.txid, seq = last.seq
         from (select txid, seq from ${s}.entity_change
               where (txid, seq) > ($1::xid8, $2::bigint)
                 and txid < pg_snapshot_xmin(pg_current_snapshot())
               order by txid desc, seq desc limit 1) last`,
        [position.txid, position.seq],
      );
      return { changes: skipped.rowCount, queued: 0, busy: false, more: false, idle: true };
    }
    // Only transactions older than every one still running: none of them can commit later with
    // a smaller position, so nothing is ever skipped.
    const { rows } = await tx.query<FeedRow>(
      `select seq, txid::text as txid, entity_id as id, types, trigger, attrs, deleted, at
       from ${s}.entity_change
       where (txid, seq) > ($1::xid8, $2::bigint)
         and txid < pg_snapshot_xmin(pg_current_snapshot())
       order by txid, seq limit $3`,
      [position.txid, position.seq, pageSize],
    );
    if (rows.length === 0) return { changes: 0, queued: 0, busy: false, more: false };
    const subscriptions = await Promise.all(
      (await new SubscriptionStore(schema).active(tx, now)).map((stored) =>
        resolveSubscription(stored, contexts),
      ),
    );
    const queued = subscriptions.length > 0 ? await queue(tx, s, subscriptions, rows, now) : 0;
    const last = rows[rows.length - 1]!;
    await tx.query(`update ${s}.notifier_cursor set txid = $1::xid8, seq = $2`, [
      last.txid,
      last.seq,
    ]);
    return { changes: rows.length, queued, busy: false, more: rows.length === pageSize };
  });
}

interface Pending {
  subscription: ResolvedSubscription;
  row: FeedRow;
  trigger: NotificationTrigger;
}

async function queue(
  tx: Queryable,
  s: string,
  subscriptions: ResolvedSubscription[],
  rows: FeedRow[],
  now: string,
): Promise<number> {
  const pending: Pending[] = [];
  for (const subscription of subscriptions) {
    for (const row of rows) {
      const trigger = matchChange(subscription, row);
      if (trigger) pending.push({ subscription, row, trigger });
    }
  }
  if (pending.length === 0) return 0;

  // Each change is notified with the entity as that change left it (entity-at-change.ts).
  const liveIds = [
    ...new Set(pending.filter((p) => p.row.trigger !== 'entityDeleted').map((p) => p.row.id)),
  ];
  const current = new Map<string, Entity>();
  if (liveIds.length > 0) {
    const found = await tx.query<EntityRow>(
      `select ${ENTITY_COLUMNS} from ${s}.entity e where e.id = any($1::text[])`,
      [liveIds],
    );
    for (const row of found.rows) current.set(row.id, rowToEntity(row));
  }
  const states = new Map<FeedRow, Entity>();
  for (const { row } of pending) {
    if (row.trigger !== 'entityDeleted' && !states.has(row))
      states.set(row, entityAtChange(row, current.get(row.id)));
  }
  const passing = await filterByQuery(tx, s, pending, states);

  const outbox: { s: string; e: string; t: string; b: unknown }[] = [];
  for (const [index, { subscription, row, trigger }] of pending.entries()) {
    let rendered;
    if (row.trigger === 'entityDeleted') {
      rendered = renderNotificationEntity(
        subscription,
        { id: row.id, type: row.types, attributes: {} },
        row.at,
      );
    } else {
      if (!passing.has(index)) continue;
      rendered = renderNotificationEntity(subscription, states.get(row)!, undefined);
    }
    outbox.push({ s: subscription.stored.id, e: row.id, t: trigger, b: rendered });
  }
  if (outbox.length === 0) return 0;
  await tx.query(
    `insert into ${s}.notification_outbox (subscription_id, entity_id, trigger, entity, created_at)
     select o.s, o.e, o.t, o.b, $2 from jsonb_to_recordset($1::jsonb) as o(s text, e text, t text, b jsonb)`,
    [JSON.stringify(outbox), now],
  );
  return outbox.length;
}

/**
 * Which pending notifications (by index) satisfy their subscription's q and geoQ, evaluated by
 * PostgreSQL with the query SQL: q on the entity as the change left it, geoQ on the stored
 * geometry. Deletions are not filtered.
 */
async function filterByQuery(
  tx: Queryable,
  s: string,
  pending: Pending[],
  states: Map<FeedRow, Entity>,
): Promise<Set<number>> {
  const passing = new Set<number>();
  const bySubscription = new Map<ResolvedSubscription, number[]>();
  for (const [index, { subscription, row }] of pending.entries()) {
    if (row.trigger === 'entityDeleted') continue;
    if (!subscription.q && !subscription.geo) {
      passing.add(index);
      continue;
    }
    bySubscription.set(subscription, [...(bySubscription.get(subscription) ?? []), index]);
  }
  for (const [subscription, indexes] of bySubscription) {
    const params = new SqlParams();
    const candidates = params.add(
      JSON.stringify(
        indexes.map((i) => {
          const entity = states.get(pending[i]!.row)!;
          return { i, id: entity.id, types: entity.type, attrs: entity.attributes };
        }),
      ),
    );
    const where = entityConditions(
      {
        selectors: [],
        ...(subscription.q ? { q: subscription.q } : {}),
        ...(subscription.geo ? { geo: subscription.geo } : {}),
        limit: indexes.length,
        offset: 0,
        count: false,
      },
      subscription.context,
      params,
      `${s}.geo_attribute`,
      { withGeo: true },
    );
    const { rows } = await tx.query<{ i: number }>(
      `select e.i from jsonb_to_recordset(${candidates}::jsonb) as e(i int, id text, types text[], attrs jsonb)
       where ${where}`,
      params.values,
    );
    for (const row of rows) passing.add(row.i);
  }
  return passing;
}
