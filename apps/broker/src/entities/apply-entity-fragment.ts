import {
  applyFragment,
  type EntityFragment,
  type FragmentRules,
  type UpdateOutcome,
} from '@legocity/ngsi-ld';
import type { BrokerContext } from '../broker-context.js';
import { modifyEntity, type ModifyOptions } from './modify-entity.js';

/**
 * Apply an entity fragment to one stored entity under the given rules, writing it only when
 * something changed. Shared by Append, Update Attributes and Merge Entity, which differ only in
 * their rules (how existing instances and scopes combine).
 * @example await applyEntityFragment(ctx, '', id, fragment, UPDATE_RULES)
 */
export function applyEntityFragment(
  ctx: BrokerContext,
  tenantName: string,
  id: string,
  fragment: EntityFragment,
  rules: FragmentRules,
  options: ModifyOptions = {},
): Promise<UpdateOutcome> {
  return modifyEntity(
    ctx,
    tenantName,
    id,
    (entity) => {
      const outcome = applyFragment(entity, fragment, { ...rules, now: ctx.now() });
      return { entity: outcome.changed ? outcome.entity : undefined, result: outcome };
    },
    options,
  );
}
