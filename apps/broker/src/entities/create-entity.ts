import { NgsiLdError, stampNewEntity, type Entity } from '@legocity/ngsi-ld';
import { writeWithChanges, type BrokerContext } from '../broker-context.js';

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
  const isCreated = await writeWithChanges(ctx, async (db) => {
    const inserted = await repository.insert(db, [stored]);
    const value = inserted.has(entity.id);
    return {
      value,
      changes: value
        ? [{ tenant: tenantName, id: entity.id, before: undefined, after: stored }]
        : [],
    };
  });
  if (!isCreated)
    throw new NgsiLdError('AlreadyExists', `Entity ${entity.id} already exists`, { field: 'id' });
  return stored;
}
