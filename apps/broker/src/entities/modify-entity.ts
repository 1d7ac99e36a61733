import { NgsiLdError, type Entity } from '@legocity/ngsi-ld';
import type { BrokerContext } from '../broker-context.js';

/** What a modification computed: the entity to store, or undefined when nothing changed. */
export interface Modification<R> {
  entity: Entity | undefined;
  result: R;
}

export interface ModifyOptions {
  /** Only modify the entity when its types satisfy the request's type selector (§4.17). */
  typeMatches?: (types: readonly string[]) => boolean;
}

/**
 * Lock one entity, compute its new version, write it and report the change, in one transaction.
 * The shared skeleton of every single-entity update operation (§5.6.2–§5.6.5, §5.6.17–§5.6.19).
 * @example await modifyEntity(ctx, '', id, (entity) => ({ entity: next, result: undefined }))
 */
export async function modifyEntity<R>(
  ctx: BrokerContext,
  tenantName: string,
  id: string,
  modify: (entity: Entity) => Modification<R>,
  options: ModifyOptions = {},
): Promise<R> {
  const tenant = await ctx.tenants.forRead(tenantName);
  const repository = ctx.repository(tenant);
  return ctx.db.transaction(async (tx) => {
    const existing = (await repository.lock(tx, [id])).get(id);
    if (!existing || (options.typeMatches && !options.typeMatches(existing.type))) {
      throw entityNotFound(id);
    }
    const { entity, result } = modify(existing);
    if (entity) {
      await repository.update(tx, [entity], new Map([[id, existing]]));
      await ctx.onChange(tx, [{ tenant: tenantName, id, before: existing, after: entity }]);
    }
    return result;
  });
}

/** ResourceNotFound for an entity id (§5.5.2). */
export function entityNotFound(id: string): NgsiLdError {
  return new NgsiLdError('ResourceNotFound', `Entity ${id} does not exist`, { field: 'entityId' });
}
