import { applyFragment, type EntityFragment, type UpdateOutcome } from '@legocity/ngsi-ld';
import type { BrokerContext } from '../broker-context.js';
import { modifyEntity, type ModifyOptions } from './modify-entity.js';

/**
 * Append Attributes — ETSI GS CIM 009 v1.8.1 §5.6.3 (POST /entities/{id}/attrs). With
 * `overwrite: false` (options=noOverwrite) existing instances are left untouched and reported.
 * @example const outcome = await appendAttributes(ctx, '', id, fragment, { overwrite: true })
 */
export async function appendAttributes(
  ctx: BrokerContext,
  tenantName: string,
  id: string,
  fragment: EntityFragment,
  options: ModifyOptions & { overwrite: boolean },
): Promise<UpdateOutcome> {
  return modifyEntity(
    ctx,
    tenantName,
    id,
    (entity) => {
      const outcome = applyFragment(entity, fragment, {
        onExisting: options.overwrite ? 'replace' : 'keep',
        scope: options.overwrite ? 'replace' : 'union',
        now: ctx.now(),
      });
      return { entity: outcome.changed ? outcome.entity : undefined, result: outcome };
    },
    options,
  );
}
