import { MERGE_RULES, applyFragment, type EntityFragment } from '@legocity/ngsi-ld';
import type { BrokerContext } from '../broker-context.js';
import { applyBatch } from './apply-batch.js';
import type { BatchItem, BatchOutcome } from './batch-types.js';

/**
 * Batch Entity Merge — ETSI GS CIM 009 v1.8.1 §5.6.20: Merge Entity (§5.6.17) on each existing
 * entity; missing entities are errors.
 * @example const outcome = await batchMerge(ctx, '', items)
 */
export async function batchMerge(
  ctx: BrokerContext,
  tenantName: string,
  items: readonly BatchItem<EntityFragment>[],
): Promise<BatchOutcome> {
  const tenant = await ctx.tenants.forRead(tenantName);
  const now = ctx.now();
  return applyBatch(ctx, tenant, tenantName, items, (current, fragment) => {
    if (!current) return undefined;
    return applyFragment(current, fragment, { ...MERGE_RULES, now }).entity;
  });
}
