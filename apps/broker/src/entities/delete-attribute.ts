import { findInstance } from '@legocity/ngsi-ld';
import type { BrokerContext } from '../broker-context.js';
import { modifyEntity, type ModifyOptions } from './modify-entity.js';
import { missingAttribute, type AttributeRef } from './attribute-instances.js';

export interface DeleteAttributeOptions extends ModifyOptions {
  datasetId?: string;
  deleteAll?: boolean;
}

/**
 * Delete Attribute — ETSI GS CIM 009 v1.8.1 §5.6.5 (DELETE /entities/{id}/attrs/{attrId}):
 * the default instance, the one with `datasetId`, or every instance with `deleteAll=true`.
 * The target `scope` removes the entity's scope (v1.9.1 §5.6.5.4; v1.8.1 had no way to).
 * @example await deleteAttribute(ctx, '', id, { name: 'speed', expanded }, { deleteAll: true })
 */
export async function deleteAttribute(
  ctx: BrokerContext,
  tenantName: string,
  id: string,
  attribute: AttributeRef,
  options: DeleteAttributeOptions = {},
): Promise<void> {
  await modifyEntity(
    ctx,
    tenantName,
    id,
    (entity) => {
      if (attribute.name === 'scope') {
        if (!entity.scope || entity.scope.length === 0)
          throw missingAttribute(id, attribute.name, undefined);
        const { scope: _scope, ...unscoped } = entity;
        return { entity: { ...unscoped, modifiedAt: ctx.now() }, result: undefined };
      }
      const instances = entity.attributes[attribute.expanded];
      if (!instances) throw missingAttribute(id, attribute.name, undefined);
      let remaining: typeof instances = [];
      if (!options.deleteAll) {
        const index = findInstance(instances, options.datasetId);
        if (index < 0) throw missingAttribute(id, attribute.name, options.datasetId);
        remaining = instances.filter((_, i) => i !== index);
      }
      const attributes = { ...entity.attributes };
      if (remaining.length > 0) attributes[attribute.expanded] = remaining;
      else delete attributes[attribute.expanded];
      return { entity: { ...entity, attributes, modifiedAt: ctx.now() }, result: undefined };
    },
    options,
  );
}
