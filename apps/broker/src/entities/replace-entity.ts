import { replaceEntity as replaced, type Entity } from '@legocity/ngsi-ld';
import type { BrokerContext } from '../broker-context.js';
import { modifyEntity, type ModifyOptions } from './modify-entity.js';

/**
 * Replace Entity — ETSI GS CIM 009 v1.8.1 §5.6.18 (PUT /entities/{id}): all attributes, types
 * and scopes are replaced; createdAt stays. The optional type selector (§4.17) must match.
 * @example await replaceEntity(ctx, '', parsedEntity)
 */
export async function replaceEntity(
  ctx: BrokerContext,
  tenantName: string,
  replacement: Entity,
  options: ModifyOptions = {},
): Promise<void> {
  await modifyEntity(
    ctx,
    tenantName,
    replacement.id,
    (entity) => ({ entity: replaced(entity, replacement, ctx.now()), result: undefined }),
    options,
  );
}
