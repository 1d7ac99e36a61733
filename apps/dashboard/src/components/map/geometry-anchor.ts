import type { FeatureGeometry } from './map-types.js';

/** A longitude/latitude pair. */
export type LonLat = [number, number];

function collect(coordinates: unknown, into: LonLat[]): void {
  if (!Array.isArray(coordinates)) return;
  if (
    coordinates.length >= 2 &&
    typeof coordinates[0] === 'number' &&
    typeof coordinates[1] === 'number'
  ) {
    into.push([coordinates[0], coordinates[1]]);
    return;
  }
  for (const part of coordinates) collect(part, into);
}

/**
 * Where to open a popup for a geometry reached without a click (keyboard, entity list): a
 * point's own position, else the centre of the geometry's bounding box.
 * @example geometryAnchor({ type: 'LineString', coordinates: [[0, 0], [2, 2]] }) // [1, 1]
 */
export function geometryAnchor(geometry: FeatureGeometry | null | undefined): LonLat | undefined {
  if (!geometry) return undefined;
  const positions: LonLat[] = [];
  if (geometry.type === 'GeometryCollection' && Array.isArray(geometry.geometries)) {
    for (const part of geometry.geometries as FeatureGeometry[])
      collect(part.coordinates, positions);
  } else {
    collect(geometry.coordinates, positions);
  }
  if (positions.length === 0) return undefined;
  if (positions.length === 1) return positions[0];
  const lons = positions.map((p) => p[0]);
  const lats = positions.map((p) => p[1]);
  return [(Math.min(...lons) + Math.max(...lons)) / 2, (Math.min(...lats) + Math.max(...lats)) / 2];
}
