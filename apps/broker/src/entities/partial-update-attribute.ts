import {
  NgsiLdError,
  findInstance,
  partialUpdateInstance,
  type FragmentInstance,
} from '@legocity/ngsi-ld';
import type { BrokerContext } from '../broker-context.js';
import { modifyEntity, type ModifyOptions } from './modify-entity.js';

/** The attribute as the request named it (for messages) and as stored (expanded). */
export interface AttributeRef {
  name: string;
  expanded: string;
}

/**
 * Partial Attribute Update — ETSI GS CIM 009 v1.8.1 §5.6.4 with §5.5.8
 * (PATCH /entities/{id}/attrs/{attrId}): the instance must exist; given members replace
 * existing ones, sub-attributes one by one; the attribute itself cannot be deleted here.
 * @example await partialUpdateAttribute(ctx, '', id, { name: 'speed', expanded }, [instance])
 */
export async function partialUpdateAttribute(
  ctx: BrokerContext,
  tenantName: string,
  id: string,
  attribute: AttributeRef,
  patches: readonly FragmentInstance[],
  options: ModifyOptions = {},
): Promise<void> {
  await modifyEntity(
    ctx,
    tenantName,
    id,
    (entity) => {
      const now = ctx.now();
      const instances = [...(entity.attributes[attribute.expanded] ?? [])];
      for (const patch of patches) {
        if (patch.deleted) {
          throw new NgsiLdError(
            'BadRequestData',
            `Attribute '${attribute.name}' cannot be deleted by a partial update; use DELETE /entities/{entityId}/attrs/{attrId}`,
            { field: attribute.name },
          );
        }
        const index = findInstance(instances, patch.datasetId);
        const existing = instances[index];
        if (!existing) throw missingAttribute(id, attribute.name, patch.datasetId);
        instances[index] = partialUpdateInstance(existing, patch, now);
      }
      const attributes = { ...entity.attributes, [attribute.expanded]: instances };
      return { entity: { ...entity, attributes, modifiedAt: now }, result: undefined };
    },
    options,
  );
}

/** ResourceNotFound naming the attribute as the request did, and the datasetId if any. */
export function missingAttribute(entityId: string, name: string, datasetId: string | undefined): NgsiLdError {
  const which = datasetId ? ` with datasetId ${datasetId}` : '';
  return new NgsiLdError('ResourceNotFound', `Attribute '${name}'${which} does not exist in entity ${entityId}`, {
    field: 'attrId',
  });
}
