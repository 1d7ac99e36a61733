import {
  UPDATE_RULES,
  applyFragment,
  replaceEntity,
  stampNewEntity,
  type Entity,
} from '@legocity/ngsi-ld';
import type { BrokerContext } from '../broker-context.js';
import { applyBatch } from './apply-batch.js';
import type { BatchItem, BatchOutcome } from './batch-types.js';

/** `replace` (the spec's default) or `update` (options=update). */
export type UpsertMode = 'replace' | 'update';

/**
 * Batch Entity Creation or Update (Upsert) — ETSI GS CIM 009 v1.8.1 §5.6.8: missing entities are
 * created; existing ones are replaced (§5.6.18) or updated (§5.6.2); several items for one id
 * apply in order (§5.5.11.2).
 * @example const outcome = await batchUpsert(ctx, '', items, 'update')
 */
export async function batchUpsert(
  ctx: BrokerContext,
  tenantName: string,
  items: readonly BatchItem<Entity>[],
  mode: UpsertMode,
): Promise<BatchOutcome> {
  const tenant = await ctx.tenants.forWrite(tenantName);
  const now = ctx.now();
  return applyBatch(ctx, tenant, tenantName, items, (current, entity) => {
    if (!current) return stampNewEntity(entity, now);
    if (mode === 'replace') return replaceEntity(current, entity, now);
    return applyFragment(current, entity, { ...UPDATE_RULES, now }).entity;
  });
}
