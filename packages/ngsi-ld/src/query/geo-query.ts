import type { Geometry } from '../values/geometry.js';

/** Geospatial relationships of the Geoquery Language (ETSI GS CIM 009 v1.8.1 §4.10). */
export const GEO_RELATIONS = [
  'near',
  'within',
  'contains',
  'intersects',
  'equals',
  'disjoint',
  'overlaps',
] as const;
export type GeoRelation = (typeof GEO_RELATIONS)[number];

/** A parsed `georel`: the relationship and, for `near`, its distances in metres. */
export interface GeoRel {
  relation: GeoRelation;
  maxDistance?: number;
  minDistance?: number;
}

/** A geoquery: does the entity's GeoProperty `geoproperty` stand in `relation` to `geometry`? */
export interface GeoQuery extends GeoRel {
  /** The reference geometry (never a GeometryCollection). */
  geometry: Geometry;
  /** The target GeoProperty's name as the client wrote it (not expanded); `location` by default. */
  geoproperty: string;
}
