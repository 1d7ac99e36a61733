import { findInstance, stampInstance, type FragmentInstance } from '@legocity/ngsi-ld';
import type { BrokerContext } from '../broker-context.js';
import { modifyEntity, type ModifyOptions } from './modify-entity.js';
import { missingAttribute, type AttributeRef } from './partial-update-attribute.js';

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
      const instances = [...(entity.attributes[attribute.expanded] ?? [])];
      for (const replacement of replacements) {
        const index = findInstance(instances, replacement.datasetId);
        if (index < 0) throw missingAttribute(id, attribute.name, replacement.datasetId);
        instances[index] = stampInstance(replacement, now, instances[index]);
      }
      const attributes = { ...entity.attributes, [attribute.expanded]: instances };
      return { entity: { ...entity, attributes, modifiedAt: now }, result: undefined };
    },
    options,
  );
}
