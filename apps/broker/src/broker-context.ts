import type { Entity, NgsiLdError } from '@legocity/ngsi-ld';
import type { Database, Queryable } from './storage/database.js';
import { EntityRepository } from './storage/entity-repository.js';
import type { Tenant, TenantRegistry } from './tenants/tenant-registry.js';

/** One committed change to an entity, handed to listeners inside the writing transaction. */
export interface EntityChange {
  tenant: string;
  id: string;
  before: Entity | undefined;
  after: Entity | undefined;
}

/**
 * Sees every change inside the transaction that makes it, so that work derived from a change
 * (history, notification outbox) commits or rolls back with it.
 */
export type ChangeListener = ((
  tx: Queryable,
  changes: readonly EntityChange[],
) => Promise<void>) & {
  /**
   * The same work as SQL that rides in the statement writing the entity rows, when the listener
   * can do that: the write then stays one autocommit statement (no BEGIN/COMMIT round trips).
   * Undefined: these changes need no work.
   */
  fuse?: (changes: readonly EntityChange[]) => FusedChangeWork | undefined;
};

/**
 * Change work as data-modifying CTEs appended to the statement that writes entity rows. The
 * statement's `written` CTE returns `id` and `types` (as written) of every row it wrote;
 * the work sees only those rows, so a write that lost an optimistic race records nothing.
 */
export interface FusedChangeWork {
  /** The CTEs (`name as (…)`, comma-separated); `param(i)` is the placeholder of `values[i]`. */
  ctes(param: (index: number) => string): string;
  values: unknown[];
  /** Call once the statement has returned (it committed). */
  committed(): void;
}

/**
 * The write permissions of the caller of a request (access control, docs/security.md): checked on
 * every change inside the writing transaction, so a refused change stores nothing.
 */
export interface WriteGuard {
  /** Why the caller may not make this change (Forbidden), or undefined when it may. */
  deny(change: EntityChange): NgsiLdError | undefined;
}

/** Limits that protect the broker; every one is configurable. */
export interface BrokerLimits {
  maxBatchEntities: number;
  maxQueryLimit: number;
  defaultQueryLimit: number;
  /** Most instances (or aggregation periods) per attribute in a temporal answer (206 beyond). */
  maxTemporalInstances: number;
  /** How long history is kept when a tenant sets nothing, in seconds; 0 = forever. */
  historyRetentionSeconds: number;
}

/** What every broker operation needs. Operations know nothing of HTTP. */
export interface BrokerContext {
  db: Database;
  tenants: TenantRegistry;
  limits: BrokerLimits;
  /** The current time as an ISO 8601 string (injectable for tests). */
  now(): string;
  repository(tenant: Tenant): EntityRepository;
  /** Work derived from changes (history, notifications); none yet means writes need no transaction. */
  onChange: ChangeListener | undefined;
  /** The caller's write permissions; undefined: unrestricted (admin, auth off, internal writes). */
  writeGuard?: WriteGuard | undefined;
}

export const DEFAULT_LIMITS: BrokerLimits = {
  maxBatchEntities: 1000,
  maxQueryLimit: 1000,
  defaultQueryLimit: 20,
  maxTemporalInstances: 1000,
  historyRetentionSeconds: 90 * 86_400,
};

/**
 * Wire a BrokerContext from its parts.
 * @example const ctx = createBrokerContext({ db, tenants });
 */
export function createBrokerContext(parts: {
  db: Database;
  tenants: TenantRegistry;
  limits?: Partial<BrokerLimits>;
  now?: () => string;
  onChange?: ChangeListener;
}): BrokerContext {
  const repositories = new Map<string, EntityRepository>();
  return {
    db: parts.db,
    tenants: parts.tenants,
    limits: { ...DEFAULT_LIMITS, ...parts.limits },
    now: parts.now ?? (() => new Date().toISOString()),
    repository(tenant) {
      let repository = repositories.get(tenant.schema);
      if (!repository) {
        repository = new EntityRepository(tenant.schema);
        repositories.set(tenant.schema, repository);
      }
      return repository;
    },
    onChange: parts.onChange,
  };
}

/**
 * Run a write and hand its changes to the change listener in the same transaction. Without a
 * listener or a write guard the write runs alone: repository writes are single statements, atomic by themselves,
 * so no transaction (and no BEGIN/COMMIT round trips) is needed.
 * @example const ids = await writeWithChanges(ctx, async (db) => { … return { value, changes }; })
 */
export async function writeWithChanges<T>(
  ctx: BrokerContext,
  write: (db: Queryable) => Promise<{ value: T; changes: readonly EntityChange[] }>,
): Promise<T> {
  if (!ctx.onChange && !ctx.writeGuard) return (await write(ctx.db)).value;
  return ctx.db.transaction(async (tx) => {
    const { value, changes } = await write(tx);
    await handChanges(ctx, tx, changes);
    return value;
  });
}

/**
 * For a write of known changes that can be ONE statement (single-entity writes): check the
 * caller's permissions first (a refusal throws, nothing is written), then say how the change
 * work rides in the statement — `{}` when there is none, `{ work }` when the listener fuses, or
 * undefined when the listener cannot fuse and the write needs writeWithChanges' transaction.
 * @example const fused = fuseChanges(ctx, changes); if (fused) await repository.update(db, …, fused.work);
 */
export function fuseChanges(
  ctx: BrokerContext,
  changes: readonly EntityChange[],
): { work?: FusedChangeWork } | undefined {
  checkWriteGuard(ctx, changes);
  if (!ctx.onChange) return {};
  if (!ctx.onChange.fuse) return undefined;
  const work = ctx.onChange.fuse(changes);
  return work ? { work } : {};
}

function checkWriteGuard(ctx: BrokerContext, changes: readonly EntityChange[]): void {
  if (!ctx.writeGuard) return;
  for (const change of changes) {
    const refusal = ctx.writeGuard.deny(change);
    if (refusal) throw refusal;
  }
}

/**
 * Hand committed-to-be changes to the change listener inside the writing transaction. Every write
 * path calls this (directly or through writeWithChanges), so checks on changes live here.
 * @example await handChanges(ctx, tx, [{ tenant: '', id, before, after }])
 */
export async function handChanges(
  ctx: BrokerContext,
  tx: Queryable,
  changes: readonly EntityChange[],
): Promise<void> {
  if (changes.length === 0) return;
  checkWriteGuard(ctx, changes);
  if (ctx.onChange) await ctx.onChange(tx, changes);
}
