import { NgsiLdError, stampNewEntity, type Entity } from '@legocity/ngsi-ld';
import type { BrokerContext } from '../broker-context.js';

/**
 * Create Entity — ETSI GS CIM 009 v1.8.1 §5.6.1. The tenant is created on its first write.
 * @example await createEntity(ctx, '', parsedEntity)
 */
export async function createEntity(
  ctx: BrokerContext,
  tenantName: string,
  entity: Entity,
): Promise<Entity> {
  const tenant = await ctx.tenants.forWrite(tenantName);
  const repository = ctx.repository(tenant);
  const stored = stampNewEntity(entity, ctx.now());
  return ctx.db.transaction(async (tx) => {
    const inserted = await repository.insert(tx, [stored]);
    if (!inserted.has(entity.id)) {
      throw new NgsiLdError('AlreadyExists', `Entity ${entity.id} already exists`, { field: 'id' });
    }
    await ctx.onChange(tx, [
      { tenant: tenantName, id: entity.id, before: undefined, after: stored },
    ]);
    return stored;
  });
}
