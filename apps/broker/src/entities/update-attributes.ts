import { UPDATE_RULES, type EntityFragment, type UpdateOutcome } from '@legocity/ngsi-ld';
import type { BrokerContext } from '../broker-context.js';
import { applyEntityFragment } from './apply-entity-fragment.js';
import type { ModifyOptions } from './modify-entity.js';

/**
 * Update Attributes — ETSI GS CIM 009 v1.9.1 §5.6.2 (PATCH /entities/{id}/attrs): matching
 * instances are replaced (createdAt kept), missing ones appended, NGSI-LD Nulls delete.
 * Departs from v1.8.1, which reported missing attributes as not updated: we follow v1.9.1.
 * @example const outcome = await updateAttributes(ctx, '', id, fragment)
 */
export function updateAttributes(
  ctx: BrokerContext,
  tenantName: string,
  id: string,
  fragment: EntityFragment,
  options: ModifyOptions = {},
): Promise<UpdateOutcome> {
  return applyEntityFragment(ctx, tenantName, id, fragment, UPDATE_RULES, options);
}
