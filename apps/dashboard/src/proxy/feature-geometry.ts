import type { BBox } from './layer-query.js';

/** Whether any coordinate of a geometry lies in the box (enough for points and small shapes). */
export function intersectsBox(geometry: unknown, bbox: BBox): boolean {
  const [minLon, minLat, maxLon, maxLat] = bbox;
  return positionsOf(geometry).some(
    ([lon, lat]) => lon >= minLon && lon <= maxLon && lat >= minLat && lat <= maxLat,
  );
}

/** Every [lon, lat] position of a GeoJSON geometry (nested coordinate arrays flattened). */
export function positionsOf(geometry: unknown): [number, number][] {
  if (typeof geometry !== 'object' || geometry === null) return [];
  const { coordinates, geometries } = geometry as { coordinates?: unknown; geometries?: unknown };
  if (Array.isArray(geometries)) return geometries.flatMap(positionsOf);
  const positions: [number, number][] = [];
  const walk = (value: unknown): void => {
    if (!Array.isArray(value)) return;
    if (typeof value[0] === 'number' && typeof value[1] === 'number') {
      positions.push([value[0], value[1]]);
    } else value.forEach(walk);
  };
  walk(coordinates);
  return positions;
}
