import {
  NgsiLdError,
  findInstance,
  type AttributeInstance,
  type Entity,
  type FragmentInstance,
} from '@legocity/ngsi-ld';

/** The attribute as the request named it (for messages) and as stored (expanded). */
export interface AttributeRef {
  name: string;
  expanded: string;
}

/**
 * The entity with each given instance of one attribute rewritten by `rewrite`; every targeted
 * instance (by datasetId) must exist. Shared by Partial Attribute Update and Replace Attribute.
 * @example withRewrittenInstances(entity, attribute, patches, now, (existing, patch) => next)
 */
export function withRewrittenInstances(
  entity: Entity,
  attribute: AttributeRef,
  patches: readonly FragmentInstance[],
  now: string,
  rewrite: (existing: AttributeInstance, patch: FragmentInstance) => AttributeInstance,
): Entity {
  const instances = [...(entity.attributes[attribute.expanded] ?? [])];
  for (const patch of patches) {
    const index = findInstance(instances, patch.datasetId);
    const existing = instances[index];
    if (!existing) throw missingAttribute(entity.id, attribute.name, patch.datasetId);
    instances[index] = rewrite(existing, patch);
  }
  return {
    ...entity,
    attributes: { ...entity.attributes, [attribute.expanded]: instances },
    modifiedAt: now,
  };
}

/** ResourceNotFound naming the attribute as the request did, and the datasetId if any. */
export function missingAttribute(
  entityId: string,
  name: string,
  datasetId: string | undefined,
): NgsiLdError {
  const which = datasetId ? ` with datasetId ${datasetId}` : '';
  return new NgsiLdError(
    'ResourceNotFound',
    `Attribute '${name}'${which} does not exist in entity ${entityId}`,
    {
      field: 'attrId',
    },
  );
}
