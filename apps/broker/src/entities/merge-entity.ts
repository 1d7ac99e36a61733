import { applyFragment, mergeInstance, type EntityFragment, type UpdateOutcome } from '@legocity/ngsi-ld';
import type { BrokerContext } from '../broker-context.js';
import { modifyEntity, type ModifyOptions } from './modify-entity.js';

/**
 * Merge Entity — ETSI GS CIM 009 v1.8.1 §5.6.17 with §5.5.12 (PATCH /entities/{id}): attributes
 * merge member by member (JSON values key by key), NGSI-LD Nulls delete, new ones are added.
 * @example await mergeEntity(ctx, '', id, fragment)
 */
export async function mergeEntity(
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
        onExisting: 'merge',
        scope: 'replace',
        now: ctx.now(),
        mergeInstance,
      });
      return { entity: outcome.changed ? outcome.entity : undefined, result: outcome };
    },
    options,
  );
}
