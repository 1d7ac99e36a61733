import { appendRules, type EntityFragment, type UpdateOutcome } from '@legocity/ngsi-ld';
import type { BrokerContext } from '../broker-context.js';
import { applyEntityFragment } from './apply-entity-fragment.js';
import type { ModifyOptions } from './modify-entity.js';

/**
 * Append Attributes — ETSI GS CIM 009 v1.8.1 §5.6.3 (POST /entities/{id}/attrs). With
 * `overwrite: false` (options=noOverwrite) existing instances are left untouched and reported.
 * @example const outcome = await appendAttributes(ctx, '', id, fragment, { overwrite: true })
 */
export function appendAttributes(
  ctx: BrokerContext,
  tenantName: string,
  id: string,
  fragment: EntityFragment,
  options: ModifyOptions & { overwrite: boolean },
): Promise<UpdateOutcome> {
  return applyEntityFragment(
    ctx,
    tenantName,
    id,
    fragment,
    appendRules(options.overwrite),
    options,
  );
}
