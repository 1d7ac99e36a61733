import type { Queryable } from '../storage/database.js';
import type { EntityRepository } from '../storage/entity-repository.js';

/** An entity type as found in storage: its (expanded) attribute names and how many entities. */
export interface TypeSummary {
  type: string;
  attributes: string[];
  entityCount: number;
}

/** An attribute as found in storage: attribute types, entity types using it, counts. */
export interface AttributeSummary {
  name: string;
  attributeTypes: string[];
  typeNames: string[];
  entityCount: number;
  /** Attribute instances: every datasetId instance of every entity counts (§5.2.28 attributeCount). */
  instanceCount: number;
}

/**
 * Entity types of a tenant with their attributes (one scan; discovery is rare and per tenant).
 * @example const types = await summarizeTypes(db, repository)
 */
export async function summarizeTypes(
  db: Queryable,
  repository: EntityRepository,
  type?: string,
): Promise<TypeSummary[]> {
  const filter = type === undefined ? '' : 'where $1 = any(e.types)';
  const { rows } = await db.query<{ type: string; attributes: string[] | null; n: number }>(
    `select t.type, array_agg(distinct k.name) filter (where k.name is not null) as attributes,
       count(distinct e.id)::int as n
     from ${repository.entityTable} e
     cross join lateral unnest(e.types) as t(type)
     left join lateral jsonb_object_keys(e.attrs) as k(name) on true
     ${filter} group by t.type order by t.type`,
    type === undefined ? [] : [type],
  );
  return rows
    .filter((row) => type === undefined || row.type === type)
    .map((row) => ({
      type: row.type,
      attributes: (row.attributes ?? []).sort(),
      entityCount: row.n,
    }));
}

/**
 * Attributes of a tenant with their attribute types and the entity types that use them.
 * @example const attributes = await summarizeAttributes(db, repository)
 */
export async function summarizeAttributes(
  db: Queryable,
  repository: EntityRepository,
  filter: { name?: string; type?: string } = {},
): Promise<AttributeSummary[]> {
  const params: string[] = [];
  const conditions: string[] = [];
  if (filter.name !== undefined) {
    params.push(filter.name);
    conditions.push(`e.attrs ? $${params.length} and a.name = $${params.length}`);
  }
  if (filter.type !== undefined) {
    params.push(filter.type);
    conditions.push(`$${params.length} = any(e.types)`);
  }
  const where = conditions.length > 0 ? `where ${conditions.join(' and ')}` : '';
  const { rows } = await db.query<{
    name: string;
    attribute_types: string[];
    type_names: string[];
    n: number;
    instances: number;
  }>(
    `select a.name, array_agg(distinct i.value->>'type') as attribute_types,
       array_agg(distinct t.type) as type_names, count(distinct e.id)::int as n,
       count(distinct (e.id, coalesce(i.value->>'datasetId', '')))::int as instances
     from ${repository.entityTable} e
     cross join lateral jsonb_each(e.attrs) as a(name, instances)
     cross join lateral jsonb_array_elements(a.instances) as i(value)
     cross join lateral unnest(e.types) as t(type)
     ${where} group by a.name order by a.name`,
    params,
  );
  return rows.map((row) => ({
    name: row.name,
    attributeTypes: row.attribute_types.sort(),
    typeNames: row.type_names.sort(),
    entityCount: row.n,
    instanceCount: row.instances,
  }));
}
