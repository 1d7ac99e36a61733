import { NgsiLdError, stampNewEntity, type Entity } from '@legocity/ngsi-ld';
import { writeWithChanges, type BrokerContext, type EntityChange } from '../broker-context.js';
import { emptyOutcome, type BatchItem, type BatchOutcome } from './batch-types.js';

/**
 * Batch Entity Creation — ETSI GS CIM 009 v1.8.1 §5.6.7. The first occurrence of an id is
 * created; later ones, and ids that already exist, are AlreadyExists errors (§5.5.11.1).
 * @example const outcome = await batchCreate(ctx, '', items)
 */
export async function batchCreate(
  ctx: BrokerContext,
  tenantName: string,
  items: readonly BatchItem<Entity>[],
): Promise<BatchOutcome> {
  const outcome = emptyOutcome();
  const candidates: Entity[] = [];
  const seen = new Set<string>();
  const now = ctx.now();
  for (const item of items) {
    if (!item.ok) outcome.errors.push({ entityId: item.id, error: item.error });
    else if (seen.has(item.id))
      outcome.errors.push({ entityId: item.id, error: alreadyExists(item.id) });
    else {
      seen.add(item.id);
      // The caller's write permissions, per entity: a refused one is its own error (207).
      const entity = stampNewEntity(item.value, now);
      const refusal = ctx.writeGuard?.deny({
        tenant: tenantName,
        id: item.id,
        before: undefined,
        after: entity,
      });
      if (refusal) outcome.errors.push({ entityId: item.id, error: refusal });
      else candidates.push(entity);
    }
  }
  if (candidates.length === 0) return outcome;

  const tenant = await ctx.tenants.forWrite(tenantName);
  const repository = ctx.repository(tenant);
  const inserted = await writeWithChanges(ctx, async (db) => {
    const ids = await repository.insert(db, candidates);
    const changes: EntityChange[] = candidates
      .filter((entity) => ids.has(entity.id))
      .map((entity) => ({ tenant: tenantName, id: entity.id, before: undefined, after: entity }));
    return { value: ids, changes };
  });
  for (const entity of candidates) {
    if (inserted.has(entity.id)) {
      outcome.success.push(entity.id);
      outcome.created.push(entity.id);
    } else {
      outcome.errors.push({ entityId: entity.id, error: alreadyExists(entity.id) });
    }
  }
  return outcome;
}

function alreadyExists(id: string): NgsiLdError {
  return new NgsiLdError('AlreadyExists', `Entity ${id} already exists`, { field: 'id' });
}
