import { appendRules, applyFragment, type EntityFragment } from '@legocity/ngsi-ld';
import type { BrokerContext } from '../broker-context.js';
import { applyBatch } from './apply-batch.js';
import type { BatchItem, BatchOutcome } from './batch-types.js';

/**
 * Batch Entity Update — ETSI GS CIM 009 v1.8.1 §5.6.9: Append Attributes (§5.6.3) on each
 * existing entity, overwriting unless options=noOverwrite; missing entities are errors.
 * @example const outcome = await batchUpdate(ctx, '', items, { overwrite: true })
 */
export async function batchUpdate(
  ctx: BrokerContext,
  tenantName: string,
  items: readonly BatchItem<EntityFragment>[],
  options: { overwrite: boolean },
): Promise<BatchOutcome> {
  const tenant = await ctx.tenants.forRead(tenantName);
  const now = ctx.now();
  return applyBatch(ctx, tenant, tenantName, items, (current, fragment) => {
    if (!current) return undefined;
    return applyFragment(current, fragment, { ...appendRules(options.overwrite), now }).entity;
  });
}
