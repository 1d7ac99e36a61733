import type { ContextDefinition, SubscriptionInput } from '@legocity/ngsi-ld';
import type { Queryable } from '../storage/database.js';
import { quoteIdentifier } from '../storage/sql-params.js';

/** A subscription as stored, with its delivery state. */
export interface StoredSubscription {
  id: string;
  body: SubscriptionInput;
  context: ContextDefinition | null;
  isActive: boolean;
  expiresAt: string | null;
  createdAt: string;
  modifiedAt: string;
  timesSent: number;
  timesFailed: number;
  lastNotification: string | null;
  lastSuccess: string | null;
  lastFailure: string | null;
  lastError: string | null;
  consecutiveFailures: number;
}

interface SubscriptionRow {
  id: string;
  body: SubscriptionInput;
  context: ContextDefinition | null;
  is_active: boolean;
  expires_at: string | null;
  created_at: string;
  modified_at: string;
  times_sent: number;
  times_failed: number;
  last_notification: string | null;
  last_success: string | null;
  last_failure: string | null;
  last_error: string | null;
  consecutive_failures: number;
}

const COLUMNS = `id, body, context, is_active, expires_at, created_at, modified_at, times_sent,
  times_failed, last_notification, last_success, last_failure, last_error, consecutive_failures`;

/**
 * Reads and writes the subscriptions of one tenant schema (see migrations/tenant/003).
 */
export class SubscriptionStore {
  readonly table: string;

  constructor(readonly schema: string) {
    this.table = `${quoteIdentifier(schema)}.subscription`;
  }

  /** Insert a new subscription; false when the id is taken. */
  async insert(db: Queryable, subscription: StoredSubscription): Promise<boolean> {
    const { rowCount } = await db.query(
      `insert into ${this.table} (id, body, context, is_active, expires_at, created_at, modified_at)
       values ($1, $2, $3, $4, $5, $6, $7) on conflict (id) do nothing`,
      [
        subscription.id,
        JSON.stringify(subscription.body),
        subscription.context === null ? null : JSON.stringify(subscription.context),
        subscription.isActive,
        subscription.expiresAt,
        subscription.createdAt,
        subscription.modifiedAt,
      ],
    );
    return rowCount > 0;
  }

  async get(db: Queryable, id: string): Promise<StoredSubscription | undefined> {
    const { rows } = await db.query<SubscriptionRow>(
      `select ${COLUMNS} from ${this.table} where id = $1`,
      [id],
    );
    return rows[0] && fromRow(rows[0]);
  }

  /** A page of subscriptions in id order, and the total when asked for. */
  async list(
    db: Queryable,
    page: { limit: number; offset: number; count: boolean },
  ): Promise<{ subscriptions: StoredSubscription[]; count?: number }> {
    const { rows } = await db.query<SubscriptionRow>(
      `select ${COLUMNS} from ${this.table} order by id limit $1 offset $2`,
      [page.limit, page.offset],
    );
    let count: number | undefined;
    if (page.count) {
      const counted = await db.query<{ n: number }>(`select count(*)::int as n from ${this.table}`);
      count = counted.rows[0]?.n ?? 0;
    }
    return { subscriptions: rows.map(fromRow), count };
  }

  /** Subscriptions that may notify now: active and not expired. */
  async active(db: Queryable, now: string): Promise<StoredSubscription[]> {
    const { rows } = await db.query<SubscriptionRow>(
      `select ${COLUMNS} from ${this.table}
       where is_active and (expires_at is null or expires_at > $1) order by id`,
      [now],
    );
    return rows.map(fromRow);
  }

  /** Replace the definition of a subscription; false when it does not exist. */
  async replace(db: Queryable, subscription: StoredSubscription): Promise<boolean> {
    const { rowCount } = await db.query(
      `update ${this.table} set body = $2, context = $3, is_active = $4, expires_at = $5,
         modified_at = $6, retry_at = null, consecutive_failures = 0
       where id = $1`,
      [
        subscription.id,
        JSON.stringify(subscription.body),
        subscription.context === null ? null : JSON.stringify(subscription.context),
        subscription.isActive,
        subscription.expiresAt,
        subscription.modifiedAt,
      ],
    );
    return rowCount > 0;
  }

  /** Delete a subscription (its pending notifications go with it); false when absent. */
  async delete(db: Queryable, id: string): Promise<boolean> {
    const { rowCount } = await db.query(`delete from ${this.table} where id = $1`, [id]);
    return rowCount > 0;
  }
}

function fromRow(row: SubscriptionRow): StoredSubscription {
  return {
    id: row.id,
    body: row.body,
    context: row.context,
    isActive: row.is_active,
    expiresAt: row.expires_at,
    createdAt: row.created_at,
    modifiedAt: row.modified_at,
    timesSent: Number(row.times_sent),
    timesFailed: Number(row.times_failed),
    lastNotification: row.last_notification,
    lastSuccess: row.last_success,
    lastFailure: row.last_failure,
    lastError: row.last_error,
    consecutiveFailures: row.consecutive_failures,
  };
}
