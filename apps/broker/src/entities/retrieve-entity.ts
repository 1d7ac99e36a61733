import { NgsiLdError, type Entity } from '@legocity/ngsi-ld';
import type { BrokerContext } from '../broker-context.js';
import { entityNotFound } from './modify-entity.js';

export interface RetrieveOptions {
  /** The entity's types must satisfy the request's type selector (§4.17), else ResourceNotFound. */
  typeMatches?: (types: readonly string[]) => boolean;
  /** Expanded attribute names to keep (`attrs`); undefined keeps all. */
  attrs?: ReadonlySet<string>;
}

/**
 * Retrieve Entity — ETSI GS CIM 009 v1.8.1 §5.7.1. Projection (`pick`/`omit`) and the
 * representation are the formatter's job; `attrs` is applied here.
 * @example const entity = await retrieveEntity(ctx, '', 'urn:ngsi-ld:Vehicle:A1', {})
 */
export async function retrieveEntity(
  ctx: BrokerContext,
  tenantName: string,
  id: string,
  options: RetrieveOptions = {},
): Promise<Entity> {
  const tenant = await ctx.tenants.forRead(tenantName);
  const entity = (await ctx.repository(tenant).get(ctx.db, [id])).get(id);
  if (!entity || (options.typeMatches && !options.typeMatches(entity.type))) {
    throw entityNotFound(id);
  }
  if (!options.attrs) return entity;
  const kept = keepAttributes(entity, options.attrs);
  // §5.7.1.4: an entity holding none of the requested attributes is ResourceNotFound.
  if (Object.keys(kept.attributes).length === 0) {
    throw new NgsiLdError(
      'ResourceNotFound',
      `Entity ${id} has none of the attributes named by attrs`,
      { field: 'attrs' },
    );
  }
  return kept;
}

/** The entity with only the named attributes. */
export function keepAttributes(entity: Entity, names: ReadonlySet<string>): Entity {
  const attributes: Entity['attributes'] = {};
  for (const [name, instances] of Object.entries(entity.attributes)) {
    if (names.has(name)) attributes[name] = instances;
  }
  return { ...entity, attributes };
}
