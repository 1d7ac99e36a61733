import { NgsiLdError } from '@legocity/ngsi-ld';
import type { BrokerContext } from '../broker-context.js';
import {
  summarizeAttributes,
  summarizeTypes,
  type AttributeSummary,
  type TypeSummary,
} from './discovery-queries.js';

/**
 * Retrieve Available Entity Types (§5.7.5, §5.7.6) — all types of the tenant.
 * @example const types = await listTypes(ctx, '')
 */
export async function listTypes(ctx: BrokerContext, tenantName: string): Promise<TypeSummary[]> {
  const tenant = await ctx.tenants.forRead(tenantName);
  return summarizeTypes(ctx.db, ctx.repository(tenant));
}

/**
 * Retrieve Available Entity Type Information (§5.7.7): one type (expanded), or ResourceNotFound.
 * @example const info = await retrieveType(ctx, '', 'https://…/Vehicle', 'Vehicle')
 */
export async function retrieveType(
  ctx: BrokerContext,
  tenantName: string,
  type: string,
  label: string,
): Promise<{ type: TypeSummary; attributes: AttributeSummary[] }> {
  const tenant = await ctx.tenants.forRead(tenantName);
  const repository = ctx.repository(tenant);
  const [summary] = await summarizeTypes(ctx.db, repository, type);
  if (!summary)
    throw new NgsiLdError('ResourceNotFound', `Entity type '${label}' does not exist`, {
      field: 'type',
    });
  const attributes = await summarizeAttributes(ctx.db, repository, { type });
  return { type: summary, attributes };
}

/**
 * Available Attributes (§5.7.8, §5.7.9) — all attributes of the tenant.
 * @example const attributes = await listAttributes(ctx, '')
 */
export async function listAttributes(
  ctx: BrokerContext,
  tenantName: string,
): Promise<AttributeSummary[]> {
  const tenant = await ctx.tenants.forRead(tenantName);
  return summarizeAttributes(ctx.db, ctx.repository(tenant));
}

/**
 * Available Attribute Information (§5.7.10): one attribute (expanded), or ResourceNotFound.
 * @example const info = await retrieveAttribute(ctx, '', 'https://…/speed', 'speed')
 */
export async function retrieveAttribute(
  ctx: BrokerContext,
  tenantName: string,
  name: string,
  label: string,
): Promise<AttributeSummary> {
  const tenant = await ctx.tenants.forRead(tenantName);
  const [summary] = await summarizeAttributes(ctx.db, ctx.repository(tenant), { name });
  if (!summary)
    throw new NgsiLdError('ResourceNotFound', `Attribute '${label}' does not exist`, {
      field: 'attrId',
    });
  return summary;
}
