/**
 * Small geometry on WGS84 lon/lat positions at city scale: distances in metres (haversine), walking
 * a polyline, splitting it. Enough for a demo city; no projection library needed.
 */

/** A GeoJSON position: [longitude, latitude]. */
export type Position = [number, number];

const EARTH_RADIUS_M = 6_371_008.8;
const RADIANS = Math.PI / 180;

/** Great-circle distance between two positions, in metres. */
export function distanceMetres(from: Position, to: Position): number {
  const dLat = (to[1] - from[1]) * RADIANS;
  const dLon = (to[0] - from[0]) * RADIANS;
  const a =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(from[1] * RADIANS) * Math.cos(to[1] * RADIANS) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** Initial bearing from one position to another, in degrees clockwise from north, [0, 360). */
export function bearingDegrees(from: Position, to: Position): number {
  const lat1 = from[1] * RADIANS;
  const lat2 = to[1] * RADIANS;
  const dLon = (to[0] - from[0]) * RADIANS;
  const y = Math.sin(dLon) * Math.cos(lat2);
  const x = Math.cos(lat1) * Math.sin(lat2) - Math.sin(lat1) * Math.cos(lat2) * Math.cos(dLon);
  return (Math.atan2(y, x) / RADIANS + 360) % 360;
}

/** Length of a polyline, in metres. */
export function lineLengthMetres(line: readonly Position[]): number {
  let length = 0;
  for (let index = 1; index < line.length; index += 1) {
    length += distanceMetres(line[index - 1]!, line[index]!);
  }
  return length;
}

/** Where a walk along a polyline is: the position and the bearing of the segment it is on. */
export interface PointOnLine {
  position: Position;
  bearing: number;
}

/**
 * The point `metres` from the start of a polyline (clamped to its ends), and the bearing of travel.
 * @example pointAlong(street, 250) // 250 m from the first vertex
 */
export function pointAlong(line: readonly Position[], metres: number): PointOnLine {
  if (line.length < 2) throw new RangeError('a polyline needs at least two positions');
  let remaining = Math.max(0, metres);
  for (let index = 1; index < line.length; index += 1) {
    const from = line[index - 1]!;
    const to = line[index]!;
    const segment = distanceMetres(from, to);
    if (remaining <= segment || index === line.length - 1) {
      const fraction = segment === 0 ? 0 : Math.min(1, remaining / segment);
      return {
        position: [from[0] + (to[0] - from[0]) * fraction, from[1] + (to[1] - from[1]) * fraction],
        bearing: bearingDegrees(from, to),
      };
    }
    remaining -= segment;
  }
  /* c8 ignore next */
  throw new RangeError('unreachable');
}

/**
 * Cuts a polyline into consecutive pieces of at most `maxMetres` each, at its own vertices
 * (a piece always keeps at least one segment), so each piece follows the street exactly.
 */
export function splitLine(line: readonly Position[], maxMetres: number): Position[][] {
  const pieces: Position[][] = [];
  let piece: Position[] = [line[0]!];
  let pieceLength = 0;
  for (let index = 1; index < line.length; index += 1) {
    const segment = distanceMetres(line[index - 1]!, line[index]!);
    if (piece.length > 1 && pieceLength + segment > maxMetres) {
      pieces.push(piece);
      piece = [line[index - 1]!];
      pieceLength = 0;
    }
    piece.push(line[index]!);
    pieceLength += segment;
  }
  pieces.push(piece);
  return pieces;
}

/**
 * Shortest distance from a position to a polyline, in metres (local equirectangular projection:
 * exact to well under a metre at city scale).
 */
export function distanceToLineMetres(point: Position, line: readonly Position[]): number {
  const metresPerDegLat = 111_320;
  const metresPerDegLon = 111_320 * Math.cos(point[1] * RADIANS);
  const project = (p: Position): [number, number] => [
    (p[0] - point[0]) * metresPerDegLon,
    (p[1] - point[1]) * metresPerDegLat,
  ];
  let best = Number.POSITIVE_INFINITY;
  for (let index = 1; index < line.length; index += 1) {
    const [ax, ay] = project(line[index - 1]!);
    const [bx, by] = project(line[index]!);
    const dx = bx - ax;
    const dy = by - ay;
    const lengthSquared = dx * dx + dy * dy;
    const t =
      lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / lengthSquared));
    best = Math.min(best, Math.hypot(ax + t * dx, ay + t * dy));
  }
  return best;
}
