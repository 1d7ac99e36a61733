import { MERGE_RULES, type EntityFragment, type UpdateOutcome } from '@legocity/ngsi-ld';
import type { BrokerContext } from '../broker-context.js';
import { applyEntityFragment } from './apply-entity-fragment.js';
import type { ModifyOptions } from './modify-entity.js';

/**
 * Merge Entity — ETSI GS CIM 009 v1.8.1 §5.6.17 with §5.5.12 (PATCH /entities/{id}): attributes
 * merge member by member (JSON values key by key), NGSI-LD Nulls delete, new ones are added.
 * @example await mergeEntity(ctx, '', id, fragment)
 */
export function mergeEntity(
  ctx: BrokerContext,
  tenantName: string,
  id: string,
  fragment: EntityFragment,
  options: ModifyOptions = {},
): Promise<UpdateOutcome> {
  return applyEntityFragment(ctx, tenantName, id, fragment, MERGE_RULES, options);
}
