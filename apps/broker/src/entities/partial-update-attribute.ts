import { NgsiLdError, partialUpdateInstance, type FragmentInstance } from '@legocity/ngsi-ld';
import type { BrokerContext } from '../broker-context.js';
import { withRewrittenInstances, type AttributeRef } from './attribute-instances.js';
import { modifyEntity, type ModifyOptions } from './modify-entity.js';

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
  if (patches.some((patch) => patch.deleted)) {
    throw new NgsiLdError(
      'BadRequestData',
      `Attribute '${attribute.name}' cannot be deleted by a partial update; use DELETE /entities/{entityId}/attrs/{attrId}`,
      { field: attribute.name },
    );
  }
  await modifyEntity(
    ctx,
    tenantName,
    id,
    (entity) => {
      const now = ctx.now();
      const next = withRewrittenInstances(entity, attribute, patches, now, (existing, patch) =>
        partialUpdateInstance(existing, patch, now),
      );
      return { entity: next, result: undefined };
    },
    options,
  );
}
