import type { ActiveContext, Geometry } from '@legocity/ngsi-ld';
import type { Queryable } from '../storage/database.js';
import type { EntityRepository } from '../storage/entity-repository.js';
import { ENTITY_COLUMNS, type EntityRow } from '../storage/entity-rows.js';
import { SqlParams } from '../storage/sql-params.js';
import { entityConditions } from './entity-conditions.js';
import type { EntityQuery } from './entity-query.js';

/** A near-query with an upper distance bound: the only geo-query served nearest first. */
export type NearQuery = EntityQuery & {
  geo: NonNullable<EntityQuery['geo']> & { relation: 'near'; maxDistance: number };
};

export function isBoundedNear(query: EntityQuery): query is NearQuery {
  return query.geo?.relation === 'near' && query.geo.maxDistance !== undefined;
}

interface NearestRow extends EntityRow {
  metres: number | null;
  horizon: number | null;
  scanned: number;
}

// Lower bound of metres per radian anywhere on the WGS 84 ellipsoid (polar radius), with a margin
// for the small-angle approximation below.
const METRES_PER_RADIAN_LOWER = 6_356_752 * 0.9;
const FIRST_WINDOW = 64;

/**
 * One page of a `near;maxDistance==M` query, nearest first (by ellipsoidal distance), ties by id.
 *
 * Why not "all matches, sorted": in a dense city a 2 km circle holds thousands of entities, and
 * checking each costs tens of milliseconds. Instead the GiST index streams candidates in planar
 * (degree) order — the k nearest, k growing ×4 — and only those get an exact distance. A point at
 * planar distance ≥ p (degrees) from the reference is at least R·cos(φ)·p metres away (φ the
 * largest latitude involved), so once the page's last entity is closer than that bound for the
 * window's farthest candidate, no unseen entity can come before it: the page is exact.
 * @example const rows = await nearestPage(db, repository, query, context)
 */
export async function nearestPage(
  db: Queryable,
  repository: EntityRepository,
  query: NearQuery,
  context: ActiveContext,
): Promise<EntityRow[]> {
  const needed = query.offset + query.limit;
  const maxLatitude = largestLatitude(query.geo.geometry);
  for (let window = Math.max(FIRST_WINDOW, needed * 4); ; window *= 4) {
    const rows = await db.query<NearestRow>(
      ...nearestSql(repository, query, context, window, needed),
    );
    const first = rows.rows[0];
    const scanned = first?.scanned ?? 0;
    const horizon = first?.horizon ?? 0;
    const matches = rows.rows.filter((row) => row.metres !== null);
    const isExhausted = scanned < window;
    const guaranteed = guaranteedMetres(horizon, maxLatitude);
    const isExact =
      isExhausted ||
      (matches.length >= needed
        ? (matches[needed - 1]?.metres ?? Infinity) <= guaranteed
        : guaranteed >= query.geo.maxDistance);
    if (isExact) return matches.slice(query.offset);
  }
}

function nearestSql(
  repository: EntityRepository,
  query: NearQuery,
  context: ActiveContext,
  window: number,
  needed: number,
): [string, unknown[]] {
  const params = new SqlParams();
  const where = entityConditions(query, context, params, repository.geoTable, { withGeo: false });
  const reference = `public.ST_SetSRID(public.ST_GeomFromGeoJSON(${params.add(JSON.stringify(query.geo.geometry))}::text), 4326)`;
  const name = params.add(context.expandTerm(query.geo.geoproperty));
  const bounds = [`n.metres <= ${params.add(query.geo.maxDistance)}::float8`];
  if (query.geo.minDistance !== undefined)
    bounds.push(`n.metres >= ${params.add(query.geo.minDistance)}::float8`);
  const sql = `with candidate as (
      select g.entity_id, g.geom, g.geom <-> ${reference} as planar
      from ${repository.geoTable} g where g.name = ${name}
      order by g.geom <-> ${reference} limit ${params.add(window)}
    ), nearest as (
      select entity_id, min(public.ST_Distance(geom::public.geography, ${reference}::public.geography)) as metres
      from candidate group by entity_id
    ), window_stats as (
      select max(planar) as horizon, count(*)::int as scanned from candidate
    )
    select w.horizon, w.scanned, page.*
    from window_stats w left join lateral (
      select ${ENTITY_COLUMNS}, n.metres
      from nearest n join ${repository.entityTable} e on e.id = n.entity_id
      where ${bounds.join(' and ')} and ${where}
      order by n.metres, e.id limit ${params.add(needed)}
    ) page on true`;
  return [sql, params.values];
}

/** Metres every unseen candidate is at least away, given the window's farthest planar distance. */
function guaranteedMetres(horizonDegrees: number, maxLatitude: number): number {
  const latitude = Math.min(90, maxLatitude + horizonDegrees);
  return (
    METRES_PER_RADIAN_LOWER *
    Math.cos((latitude * Math.PI) / 180) *
    ((horizonDegrees * Math.PI) / 180)
  );
}

/** The largest |latitude| among the reference geometry's positions. */
function largestLatitude(geometry: Geometry): number {
  let largest = 0;
  const visit = (value: unknown): void => {
    if (!Array.isArray(value)) return;
    if (typeof value[0] === 'number' && typeof value[1] === 'number')
      largest = Math.max(largest, Math.abs(value[1]));
    else value.forEach(visit);
  };
  if (geometry.type === 'GeometryCollection')
    geometry.geometries.forEach((g) => (largest = Math.max(largest, largestLatitude(g))));
  else visit(geometry.coordinates);
  return largest;
}
