import { NgsiLdError, type Entity } from '@legocity/ngsi-ld';
import { handChanges, type BrokerContext, type EntityChange } from '../broker-context.js';
import type { Tenant } from '../tenants/tenant-registry.js';
import { entityNotFound } from '../entities/modify-entity.js';
import { emptyOutcome, groupById, type BatchItem, type BatchOutcome } from './batch-types.js';

/**
 * Computes the next version of one entity from its current one (undefined = does not exist) and
 * one request item; returns undefined to leave it missing. Throws NgsiLdError for that entity.
 */
export type BatchStep<T> = (current: Entity | undefined, item: T) => Entity | undefined;

/**
 * The skeleton of batch upsert, update and merge: lock every addressed entity once (in id order),
 * apply each item in request order (§5.5.11), write all new versions with one statement each for
 * inserts and updates, and report per entity. A concurrent creation of the same id retries.
 * @example await applyBatch(ctx, tenant, '', items, (current, item) => next)
 */
export async function applyBatch<T>(
  ctx: BrokerContext,
  tenant: Tenant,
  tenantName: string,
  items: readonly BatchItem<T>[],
  step: BatchStep<T>,
): Promise<BatchOutcome> {
  const repository = ctx.repository(tenant);
  const groups = groupById(items);
  for (let attempt = 1; ; attempt += 1) {
    const outcome = emptyOutcome();
    for (const item of items)
      if (!item.ok) outcome.errors.push({ entityId: item.id, error: item.error });
    const raced = await ctx.db
      .transaction(async (tx) => {
        const existing = await repository.lock(tx, [...groups.keys()]);
        const inserts: Entity[] = [];
        const updates: Entity[] = [];
        for (const [id, group] of groups) {
          const before = existing.get(id);
          let current = before;
          try {
            for (const value of group) current = step(current, value);
          } catch (error) {
            if (!(error instanceof NgsiLdError)) throw error;
            outcome.errors.push({ entityId: id, error });
            continue;
          }
          if (!current) {
            outcome.errors.push({ entityId: id, error: entityNotFound(id) });
            continue;
          }
          // The caller's write permissions, per entity: a refused one is its own error (207).
          const refusal = ctx.writeGuard?.deny({ tenant: tenantName, id, before, after: current });
          if (refusal) {
            outcome.errors.push({ entityId: id, error: refusal });
            continue;
          }
          outcome.success.push(id);
          if (before) updates.push(current);
          else {
            inserts.push(current);
            outcome.created.push(id);
          }
        }
        const inserted = await repository.insert(tx, inserts);
        if (inserted.size < inserts.length) {
          if (attempt < MAX_ATTEMPTS) throw new ConcurrentCreation();
          for (const entity of inserts.filter((candidate) => !inserted.has(candidate.id))) {
            outcome.success = outcome.success.filter((id) => id !== entity.id);
            outcome.created = outcome.created.filter((id) => id !== entity.id);
            outcome.errors.push({ entityId: entity.id, error: raceError(entity.id) });
          }
        }
        await repository.update(tx, updates, existing);
        const written = [...inserts.filter((entity) => inserted.has(entity.id)), ...updates];
        const changes: EntityChange[] = written.map((entity) => ({
          tenant: tenantName,
          id: entity.id,
          before: existing.get(entity.id),
          after: entity,
        }));
        await handChanges(ctx, tx, changes);
        return false;
      })
      .catch((error: unknown) => {
        if (error instanceof ConcurrentCreation) return true;
        throw error;
      });
    if (!raced) return outcome;
  }
}

const MAX_ATTEMPTS = 3;

/** Another request created one of our "new" entities between our lock and our insert. */
class ConcurrentCreation extends Error {}

function raceError(id: string): NgsiLdError {
  return new NgsiLdError(
    'InternalError',
    `Entity ${id} was being created concurrently; retry the request`,
  );
}
