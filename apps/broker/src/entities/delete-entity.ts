import { handChanges, writeWithChanges, type BrokerContext } from '../broker-context.js';
import { entityNotFound } from './modify-entity.js';

const OPTIMISTIC_ATTEMPTS = 3;

/**
 * Delete Entity — ETSI GS CIM 009 v1.8.1 §5.6.6. The entity is read first (the type selector
 * needs its types) and deleted only if unchanged since; after a few lost races, under a row lock
 * (like modifyEntity).
 * @example await deleteEntity(ctx, '', 'urn:ngsi-ld:Vehicle:A1')
 */
export async function deleteEntity(
  ctx: BrokerContext,
  tenantName: string,
  id: string,
  options: { typeMatches?: (types: readonly string[]) => boolean } = {},
): Promise<void> {
  const tenant = await ctx.tenants.forRead(tenantName);
  const repository = ctx.repository(tenant);
  for (let attempt = 1; attempt <= OPTIMISTIC_ATTEMPTS; attempt += 1) {
    const current = await repository.getVersioned(ctx.db, id);
    if (!current || (options.typeMatches && !options.typeMatches(current.entity.type))) {
      throw entityNotFound(id);
    }
    const isDeleted = await writeWithChanges(ctx, async (db) => {
      const deleted = await repository.delete(db, [id], current.version);
      const value = deleted.length > 0;
      return {
        value,
        changes: value
          ? [{ tenant: tenantName, id, before: current.entity, after: undefined }]
          : [],
      };
    });
    if (isDeleted) return;
  }
  await ctx.db.transaction(async (tx) => {
    const current = (await repository.lock(tx, [id])).get(id);
    if (!current || (options.typeMatches && !options.typeMatches(current.type)))
      throw entityNotFound(id);
    await repository.delete(tx, [id]);
    await handChanges(ctx, tx, [{ tenant: tenantName, id, before: current, after: undefined }]);
  });
}
