import { parseGeometry, type Geometry } from '@legocity/ngsi-ld';

/** A parsed coordinate list: a position (numbers) or a list of lists. */
type Node = number[] | Node[];

const GEOJSON_TYPE: Record<string, Geometry['type']> = {
  POINT: 'Point',
  LINESTRING: 'LineString',
  MULTIPOINT: 'MultiPoint',
  POLYGON: 'Polygon',
  MULTILINESTRING: 'MultiLineString',
  MULTIPOLYGON: 'MultiPolygon',
};

/**
 * Parses Well-Known Text (OGC 06-103r4 §7) into a GeoJSON geometry: POINT, LINESTRING, POLYGON
 * and their MULTI forms, 2D or Z, with an optional EWKT `SRID=4326;` prefix. Coordinates are
 * taken as longitude latitude (WGS 84). Returns the geometry or why the text is not one.
 * @example parseWkt('POINT (5.72 45.19)') // { ok: true, value: { type: 'Point', coordinates: [5.72, 45.19] } }
 */
export function parseWkt(
  text: string,
): { ok: true; value: Geometry } | { ok: false; message: string } {
  const body = text.trim().replace(/^SRID=4326;/i, '');
  const match = /^([a-z]+?)\s*(z\s*)?(\(.*\))\s*$/is.exec(body);
  const kind = match?.[1]?.toUpperCase();
  if (!match?.[3] || kind === undefined || GEOJSON_TYPE[kind] === undefined) {
    return {
      ok: false,
      message: 'expected WKT such as POINT (lon lat), LINESTRING (…) or POLYGON ((…))',
    };
  }
  const tokens = match[3].match(/\(|\)|,|[^\s(),]+/g) ?? [];
  let position = 0;
  const readList = (): Node | string => {
    if (tokens[position] !== '(') return 'expected "("';
    position += 1;
    const items: Node[] = [];
    for (;;) {
      if (tokens[position] === '(') {
        const nested = readList();
        if (typeof nested === 'string') return nested;
        items.push(nested);
      } else {
        const numbers: number[] = [];
        while (tokens[position] !== undefined && !['(', ')', ','].includes(tokens[position]!)) {
          const value = Number(tokens[position]);
          if (!Number.isFinite(value)) return `"${tokens[position]}" is not a number`;
          numbers.push(value);
          position += 1;
        }
        if (numbers.length < 2 || numbers.length > 3) return 'a position needs 2 or 3 numbers';
        items.push(numbers);
      }
      const separator = tokens[position];
      position += 1;
      if (separator === ')') return items;
      if (separator !== ',') return 'expected "," or ")"';
    }
  };
  const list = readList();
  if (typeof list === 'string') return { ok: false, message: list };
  if (position !== tokens.length) return { ok: false, message: 'has text after the geometry' };
  let coordinates: unknown = list;
  if (kind === 'POINT') coordinates = list[0];
  // MULTIPOINT ((1 2), (3 4)) and MULTIPOINT (1 2, 3 4) are both valid.
  if (kind === 'MULTIPOINT')
    coordinates = (list as Node[]).map((item) => (isNested(item) ? item[0] : item));
  const parsed = parseGeometry({ type: GEOJSON_TYPE[kind], coordinates }, 'wkt');
  return parsed.ok
    ? { ok: true, value: parsed.value }
    : {
        ok: false,
        message: parsed.problems.map((problem) => `${problem.field} ${problem.message}`).join('; '),
      };
}

function isNested(node: Node): node is Node[] {
  return Array.isArray(node[0]);
}
