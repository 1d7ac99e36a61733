/**
 * Antimeridian repair for Natural Earth geometry (world-atlas). d3 cuts shapes at ±180°, so a
 * ring that crosses it jumps from +179.9 to -179.9; MapLibre draws that jump as a line across the
 * whole world. Here each path is made continuous instead (longitudes past ±180 are fine: MapLibre
 * draws them on the neighbouring world copy), and the cut edges that run along the antimeridian
 * or the south pole are dropped from lines, where they would show as fake coastline.
 */

/** A GeoJSON position: longitude, latitude. */
export type Position = number[];

/** Longitudes within this distance of ±180 lie on the antimeridian cut. */
const SEAM_TOLERANCE = 1e-6;
/** Points south of this latitude lie on the cut along the south pole (Antarctica). */
const SOUTH_POLE_CUT = -89.9;

/** Removes 360° jumps: every step of the result is shorter than 180° of longitude. */
function unwrap(path: readonly Position[]): Position[] {
  let offset = 0;
  let previous: number | undefined;
  return path.map(([lon = 0, lat = 0]) => {
    if (previous !== undefined) {
      const step = lon - previous;
      if (step > 180) offset -= 360;
      else if (step < -180) offset += 360;
    }
    previous = lon;
    return [lon + offset, lat];
  });
}

/** Shifts a path by whole turns so that its middle longitude lies within [-180, 180]. */
function recentre(path: Position[]): Position[] {
  const longitudes = path.map(([lon = 0]) => lon);
  const middle = (Math.min(...longitudes) + Math.max(...longitudes)) / 2;
  let shift = 0;
  while (middle + shift > 180) shift -= 360;
  while (middle + shift < -180) shift += 360;
  return shift === 0 ? path : path.map(([lon = 0, lat = 0]) => [lon + shift, lat]);
}

/**
 * Closes a ring that winds around a pole (Antarctica) over that pole: where it jumps across the
 * antimeridian it goes down the edge of the map to the pole and back up the other edge. Without
 * this the jump itself closes the ring, and a strip of ocean shows along the bottom of the map.
 */
function closeOverPole(ring: readonly Position[]): Position[] {
  const pole = ring.reduce((sum, [, lat = 0]) => sum + lat, 0) < 0 ? -90 : 90;
  const closed: Position[] = [];
  const add = (...points: Position[]) => {
    for (const added of points) {
      const last = closed[closed.length - 1];
      if (last?.[0] !== added[0] || last?.[1] !== added[1]) closed.push(added);
    }
  };
  ring.forEach((point, index) => {
    const previous = ring[index - 1];
    const [lon = 0, lat = 0] = point;
    const [previousLon = 0, previousLat = 0] = previous ?? point;
    if (previous !== undefined && Math.abs(lon - previousLon) > 180) {
      const edge = previousLon > 0 ? 180 : -180;
      const span = lon + 2 * edge - previousLon;
      const crossingLat = previousLat + ((edge - previousLon) / (span || 1)) * (lat - previousLat);
      add([edge, crossingLat], [edge, pole], [-edge, pole], [-edge, crossingLat]);
    }
    add(point);
  });
  return closed;
}

/**
 * Makes a closed ring continuous across the antimeridian. A ring that winds around a pole
 * (Antarctica) cannot be unwrapped without opening it, so it is closed over the pole instead.
 *
 * @example fixRing([[179, 0], [-179, 0], [-179, 1], [179, 0]]) // [[179,0],[181,0],[181,1],[179,0]]
 */
export function fixRing(ring: readonly Position[]): Position[] {
  const unwrapped = unwrap(ring);
  const first = unwrapped[0];
  const last = unwrapped[unwrapped.length - 1];
  if (first === undefined || last === undefined) return [...ring];
  if (Math.abs((first[0] ?? 0) - (last[0] ?? 0)) > SEAM_TOLERANCE) return closeOverPole(ring);
  return recentre(unwrapped);
}

/** Whether the segment a–b is an edge of d3's cut rather than a real line on the ground. */
function isCutEdge([aLon = 0, aLat = 0]: Position, [bLon = 0, bLat = 0]: Position): boolean {
  // A real crossing steps from one edge to the other at the same latitude; the cut runs along it.
  const onSeam = (lon: number) => Math.abs(Math.abs(lon) - 180) <= SEAM_TOLERANCE;
  if (onSeam(aLon) && onSeam(bLon) && aLat !== bLat) return true;
  return aLat < SOUTH_POLE_CUT && bLat < SOUTH_POLE_CUT;
}

/**
 * Splits a line where it runs along d3's cut (the antimeridian or the south pole), then makes
 * each piece continuous across the antimeridian.
 *
 * @example fixLine([[179, 0], [-179, 1]]) // [[[179, 0], [181, 1]]]
 */
export function fixLine(line: readonly Position[]): Position[][] {
  const pieces: Position[][] = [];
  let current: Position[] = [];
  line.forEach((point, index) => {
    const previous = line[index - 1];
    if (previous !== undefined && isCutEdge(previous, point)) {
      pieces.push(current);
      current = [];
    }
    current.push(point);
  });
  pieces.push(current);
  return pieces.filter((piece) => piece.length >= 2).map((piece) => recentre(unwrap(piece)));
}
