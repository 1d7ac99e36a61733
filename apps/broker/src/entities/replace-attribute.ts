import { stampInstance, type FragmentInstance } from '@legocity/ngsi-ld';
import type { BrokerContext } from '../broker-context.js';
import { withRewrittenInstances, type AttributeRef } from './attribute-instances.js';
import { modifyEntity, type ModifyOptions } from './modify-entity.js';

/**
 * Replace Attribute — ETSI GS CIM 009 v1.8.1 §5.6.19 (PUT /entities/{id}/attrs/{attrId}): the
 * instance with the same datasetId must exist and is replaced whole (createdAt kept).
 * @example await replaceAttribute(ctx, '', id, { name: 'speed', expanded }, [instance])
 */
export async function replaceAttribute(
  ctx: BrokerContext,
  tenantName: string,
  id: string,
  attribute: AttributeRef,
  replacements: readonly FragmentInstance[],
  options: ModifyOptions = {},
): Promise<void> {
  await modifyEntity(
    ctx,
    tenantName,
    id,
    (entity) => {
      const now = ctx.now();
      const next = withRewrittenInstances(
        entity,
        attribute,
        replacements,
        now,
        (existing, replacement) => stampInstance(replacement, now, existing),
      );
      return { entity: next, result: undefined };
    },
    options,
  );
}
