import type { GeoQuery, GeoRelation } from '@legocity/ngsi-ld';
import type { SqlParams } from '../../storage/sql-params.js';

export interface GeoQueryToSqlOptions {
  /** The entity id column to correlate with, e.g. `e.id`. */
  entityIdColumn: string;
  /** The geo_attribute table, already quoted and qualified, e.g. `"tenant_x"."geo_attribute"`. */
  geoTable: string;
  /** Expand the geoproperty name to its IRI with the request's @context. */
  expandAttribute: (name: string) => string;
  params: SqlParams;
}

// PostGIS functions by relationship (§4.10, relations as defined by OGC Simple Features).
const RELATIONS: Record<Exclude<GeoRelation, 'near'>, string> = {
  within: 'public.ST_Within',
  contains: 'public.ST_Contains',
  intersects: 'public.ST_Intersects',
  equals: 'public.ST_Equals',
  disjoint: 'public.ST_Disjoint',
  overlaps: 'public.ST_Overlaps',
};

/**
 * Translate a geoquery (ETSI GS CIM 009 v1.8.1 §4.10) into an EXISTS over the entity's rows in
 * geo_attribute: it matches when any instance (datasetId) of the GeoProperty stands in the
 * relation to the reference geometry; entities without the GeoProperty never match (§4.10).
 * near compares distances in metres on the geography (WGS 84 spheroid) with ST_DWithin, written
 * on `geom::public.geography` so the geography GiST index serves it; the other relations use the
 * geometry and its GiST index. PostGIS names are qualified with `public.`.
 * @example
 * geoQueryToSql(geo, { entityIdColumn: 'e.id', geoTable: '"t"."geo_attribute"', expandAttribute, params })
 * // 'exists (select 1 from "t"."geo_attribute" g where g.entity_id = e.id and g.name = $1 and public.ST_DWithin(…))'
 */
export function geoQueryToSql(geo: GeoQuery, options: GeoQueryToSqlOptions): string {
  const { params } = options;
  const name = params.add(options.expandAttribute(geo.geoproperty));
  const reference = `public.ST_SetSRID(public.ST_GeomFromGeoJSON(${params.add(JSON.stringify(geo.geometry))}::text), 4326)`;
  const conditions: string[] = [];
  if (geo.relation === 'near') {
    const within = (metres: number) =>
      `public.ST_DWithin(g.geom::public.geography, ${reference}::public.geography, ${params.add(metres)}::float8)`;
    if (geo.maxDistance !== undefined) conditions.push(within(geo.maxDistance));
    if (geo.minDistance !== undefined) conditions.push(`not ${within(geo.minDistance)}`);
  } else {
    conditions.push(`${RELATIONS[geo.relation]}(g.geom, ${reference})`);
  }
  // parseGeorel never yields this; an empty condition would silently match everything.
  if (conditions.length === 0) throw new Error('A near geoquery needs maxDistance or minDistance');
  return `exists (select 1 from ${options.geoTable} g where g.entity_id = ${options.entityIdColumn} and g.name = ${name} and ${conditions.join(' and ')})`;
}
