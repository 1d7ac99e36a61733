import type { Entity, NgsiLdError } from '@legocity/ngsi-ld';
import { writeWithChanges, type BrokerContext } from '../broker-context.js';
import { entityNotFound } from '../entities/modify-entity.js';
import { emptyOutcome, type BatchItem, type BatchOutcome } from './batch-types.js';

/**
 * Batch Entity Deletion — ETSI GS CIM 009 v1.8.1 §5.6.10: ids that do not exist are
 * ResourceNotFound errors; the others are deleted in one statement. An id given again is an
 * error too: the first occurrence deletes, later ones find nothing (§5.5.11.4).
 * @example const outcome = await batchDelete(ctx, '', items)
 */
export async function batchDelete(
  ctx: BrokerContext,
  tenantName: string,
  items: readonly BatchItem<string>[],
): Promise<BatchOutcome> {
  const outcome = emptyOutcome();
  const unique = new Set<string>();
  const repeats: string[] = [];
  for (const item of items) {
    if (!item.ok) outcome.errors.push({ entityId: item.id, error: item.error });
    else if (unique.has(item.id)) repeats.push(item.id);
    else unique.add(item.id);
  }
  if (unique.size === 0) return outcome;
  const ids = [...unique];
  const tenant = await ctx.tenants.forRead(tenantName);
  const repository = ctx.repository(tenant);
  const refused = new Map<string, NgsiLdError>();
  const deleted = await writeWithChanges(ctx, async (db) => {
    // The caller's write permissions, per entity: a refused one is its own error (207).
    const guard = ctx.writeGuard;
    const existing = guard ? await repository.lock(db, ids) : new Map<string, Entity>();
    for (const [id, before] of existing) {
      const refusal = guard?.deny({ tenant: tenantName, id, before, after: undefined });
      if (refusal) refused.set(id, refusal);
    }
    const removed = await repository.delete(
      db,
      ids.filter((id) => !refused.has(id)),
    );
    const changes = removed.map((entity) => ({
      tenant: tenantName,
      id: entity.id,
      before: entity,
      after: undefined,
    }));
    return { value: new Set(removed.map((entity) => entity.id)), changes };
  });
  for (const id of ids) {
    const refusal = refused.get(id);
    if (refusal) outcome.errors.push({ entityId: id, error: refusal });
    else if (deleted.has(id)) outcome.success.push(id);
    else outcome.errors.push({ entityId: id, error: entityNotFound(id) });
  }
  for (const id of repeats) outcome.errors.push({ entityId: id, error: entityNotFound(id) });
  return outcome;
}
