import type { BrokerContext } from '../broker-context.js';
import { entityNotFound } from './modify-entity.js';

/**
 * Delete Entity — ETSI GS CIM 009 v1.8.1 §5.6.6.
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
  await ctx.db.transaction(async (tx) => {
    const existing = (await repository.lock(tx, [id])).get(id);
    if (!existing || (options.typeMatches && !options.typeMatches(existing.type))) {
      throw entityNotFound(id);
    }
    await repository.delete(tx, [id]);
    await ctx.onChange(tx, [{ tenant: tenantName, id, before: existing, after: undefined }]);
  });
}
