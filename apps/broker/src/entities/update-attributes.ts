import { applyFragment, type EntityFragment, type UpdateOutcome } from '@legocity/ngsi-ld';
import type { BrokerContext } from '../broker-context.js';
import { modifyEntity, type ModifyOptions } from './modify-entity.js';

/**
 * Update Attributes — ETSI GS CIM 009 v1.9.1 §5.6.2 (PATCH /entities/{id}/attrs): matching
 * instances are replaced (createdAt kept), missing ones appended, NGSI-LD Nulls delete.
 * Departs from v1.8.1, which reported missing attributes as not updated: we follow v1.9.1.
 * @example const outcome = await updateAttributes(ctx, '', id, fragment)
 */
export async function updateAttributes(
  ctx: BrokerContext,
  tenantName: string,
  id: string,
  fragment: EntityFragment,
  options: ModifyOptions = {},
): Promise<UpdateOutcome> {
  return modifyEntity(
    ctx,
    tenantName,
    id,
    (entity) => {
      const outcome = applyFragment(entity, fragment, {
        onExisting: 'replace',
        scope: 'replace-if-present',
        now: ctx.now(),
      });
      return { entity: outcome.changed ? outcome.entity : undefined, result: outcome };
    },
    options,
  );
}
