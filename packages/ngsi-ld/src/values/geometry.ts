/**
 * GeoJSON geometries (IETF RFC 7946 §3.1) as NGSI-LD GeoProperties hold them
 * (ETSI GS CIM 009 v1.8.1 §4.7). Coordinates are longitude, latitude and an optional altitude
 * (WGS 84), in that order.
 */

/** A position: longitude, latitude, optional altitude (RFC 7946 §3.1.1). */
export type Position =
  [longitude: number, latitude: number] | [longitude: number, latitude: number, altitude: number];

export interface Point {
  type: 'Point';
  coordinates: Position;
}

export interface MultiPoint {
  type: 'MultiPoint';
  coordinates: Position[];
}

export interface LineString {
  type: 'LineString';
  coordinates: Position[];
}

export interface MultiLineString {
  type: 'MultiLineString';
  coordinates: Position[][];
}

/** The first ring is the outer boundary, the others are holes; every ring is closed. */
export interface Polygon {
  type: 'Polygon';
  coordinates: Position[][];
}

export interface MultiPolygon {
  type: 'MultiPolygon';
  coordinates: Position[][][];
}

export interface GeometryCollection {
  type: 'GeometryCollection';
  geometries: Geometry[];
}

export type Geometry =
  Point | MultiPoint | LineString | MultiLineString | Polygon | MultiPolygon | GeometryCollection;

export type GeometryType = Geometry['type'];

/** Geometry types that carry `coordinates` (all but GeometryCollection). */
export const COORDINATE_GEOMETRY_TYPES = [
  'Point',
  'MultiPoint',
  'LineString',
  'MultiLineString',
  'Polygon',
  'MultiPolygon',
] as const;

export const GEOMETRY_TYPES: readonly GeometryType[] = [
  ...COORDINATE_GEOMETRY_TYPES,
  'GeometryCollection',
];
