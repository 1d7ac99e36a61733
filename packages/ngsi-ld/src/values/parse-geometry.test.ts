import { describe, expect, it } from 'vitest';
import { parseGeometry } from './parse-geometry.js';

const square = [
  [0, 0],
  [1, 0],
  [1, 1],
  [0, 1],
  [0, 0],
];

describe('parseGeometry', () => {
  it.each([
    { type: 'Point', coordinates: [8, 40] },
    { type: 'Point', coordinates: [-180, -90, 12.5] },
    {
      type: 'MultiPoint',
      coordinates: [
        [8, 40],
        [9, 41],
      ],
    },
    {
      type: 'LineString',
      coordinates: [
        [8, 40],
        [9, 41],
      ],
    },
    {
      type: 'MultiLineString',
      coordinates: [
        [
          [8, 40],
          [9, 41],
        ],
        [
          [1, 1],
          [2, 2],
        ],
      ],
    },
    { type: 'Polygon', coordinates: [square] },
    { type: 'MultiPolygon', coordinates: [[square], [square]] },
    {
      type: 'GeometryCollection',
      geometries: [
        { type: 'Point', coordinates: [1, 2] },
        { type: 'GeometryCollection', geometries: [{ type: 'Polygon', coordinates: [square] }] },
      ],
    },
  ])('accepts a valid $type', (geometry) => {
    expect(parseGeometry(geometry, 'location.value')).toEqual({ ok: true, value: geometry });
  });

  it('keeps only type and coordinates', () => {
    const parsed = parseGeometry(
      { type: 'Point', coordinates: [1, 2], bbox: [1, 2, 1, 2], x: 1 },
      'location',
    );
    expect(parsed).toEqual({ ok: true, value: { type: 'Point', coordinates: [1, 2] } });
  });

  it.each([
    [
      'a value that is not an object',
      'POINT(1 2)',
      'location.value',
      'must be a GeoJSON geometry: an object with "type" and "coordinates"',
    ],
    [
      'an unknown type',
      { type: 'Circle', coordinates: [1, 2] },
      'location.value.type',
      "'Circle' is not a GeoJSON geometry type (expected Point, MultiPoint, LineString, MultiLineString, Polygon, MultiPolygon or GeometryCollection)",
    ],
    [
      'a type in the wrong case',
      { type: 'point', coordinates: [1, 2] },
      'location.value.type',
      "'point' is not a GeoJSON geometry type (expected Point, MultiPoint, LineString, MultiLineString, Polygon, MultiPolygon or GeometryCollection)",
    ],
    [
      'a position with one number',
      { type: 'Point', coordinates: [1] },
      'location.value.coordinates',
      'must be a position: an array of 2 or 3 numbers (longitude, latitude[, altitude])',
    ],
    [
      'a position with four numbers',
      { type: 'Point', coordinates: [1, 2, 3, 4] },
      'location.value.coordinates',
      'must be a position: an array of 2 or 3 numbers (longitude, latitude[, altitude])',
    ],
    [
      'a coordinate given as a string',
      { type: 'Point', coordinates: [1, '2'] },
      'location.value.coordinates[1]',
      'must be a finite number',
    ],
    [
      'a longitude out of range',
      { type: 'Point', coordinates: [181, 0] },
      'location.value.coordinates[0]',
      'longitude 181 is outside [-180, 180]',
    ],
    [
      'a latitude out of range',
      { type: 'Point', coordinates: [0, -90.5] },
      'location.value.coordinates[1]',
      'latitude -90.5 is outside [-90, 90]',
    ],
    [
      'a LineString with one position',
      { type: 'LineString', coordinates: [[1, 2]] },
      'location.value.coordinates',
      'a LineString needs at least 2 positions, found 1',
    ],
    [
      'an empty MultiPoint',
      { type: 'MultiPoint', coordinates: [] },
      'location.value.coordinates',
      'a MultiPoint needs at least one of its positions, found none',
    ],
    [
      'a Polygon without rings',
      { type: 'Polygon', coordinates: [] },
      'location.value.coordinates',
      'a Polygon needs at least one of its linear rings, found none',
    ],
    [
      'a ring of three positions',
      {
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [1, 0],
            [0, 0],
          ],
        ],
      },
      'location.value.coordinates[0]',
      'a polygon ring needs at least 4 positions, found 3',
    ],
    [
      'an open ring',
      {
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [1, 0],
            [1, 1],
            [0, 1],
          ],
        ],
      },
      'location.value.coordinates[0][3]',
      'polygon ring must be closed (last position equals the first)',
    ],
    [
      'a ring closed in 2D but not in altitude',
      {
        type: 'Polygon',
        coordinates: [
          [
            [0, 0, 1],
            [1, 0, 1],
            [1, 1, 1],
            [0, 0, 2],
          ],
        ],
      },
      'location.value.coordinates[0][3]',
      'polygon ring must be closed (last position equals the first)',
    ],
    [
      'coordinates that are not an array',
      { type: 'MultiPolygon', coordinates: 'none' },
      'location.value.coordinates',
      'must be an array of polygons',
    ],
    [
      'a GeometryCollection without geometries',
      { type: 'GeometryCollection' },
      'location.value.geometries',
      'must be an array of geometries',
    ],
  ])('rejects %s, naming the path', (_label, geometry, field, message) => {
    expect(parseGeometry(geometry, 'location.value')).toEqual({
      ok: false,
      problems: [{ field, message }],
    });
  });

  it('reports every problem of a geometry at once, with exact paths', () => {
    const parsed = parseGeometry(
      {
        type: 'MultiPolygon',
        coordinates: [
          [square],
          [
            [
              [0, 0],
              [200, 0],
              [1, 1],
              [0, 1],
              [0, 0],
            ],
            [
              [0, 0],
              [1, 0],
              [1, 1],
              [0, 2],
            ],
          ],
        ],
      },
      'area',
    );
    expect(parsed).toEqual({
      ok: false,
      problems: [
        { field: 'area.coordinates[1][0][1][0]', message: 'longitude 200 is outside [-180, 180]' },
        {
          field: 'area.coordinates[1][1][3]',
          message: 'polygon ring must be closed (last position equals the first)',
        },
      ],
    });
  });

  it('names members of a GeometryCollection by index', () => {
    const parsed = parseGeometry(
      {
        type: 'GeometryCollection',
        geometries: [
          { type: 'Point', coordinates: [0, 0] },
          { type: 'Point', coordinates: [0, 95] },
        ],
      },
      'location.value',
    );
    expect(parsed).toEqual({
      ok: false,
      problems: [
        {
          field: 'location.value.geometries[1].coordinates[1]',
          message: 'latitude 95 is outside [-90, 90]',
        },
      ],
    });
  });

  it('starts paths at the member name when the field is empty', () => {
    const parsed = parseGeometry({ type: 'Point', coordinates: [0, 91] }, '');
    expect(parsed).toEqual({
      ok: false,
      problems: [{ field: 'coordinates[1]', message: 'latitude 91 is outside [-90, 90]' }],
    });
  });

  it('stops listing problems after 25 and says so', () => {
    const line = Array.from({ length: 40 }, () => [500, 0]);
    const parsed = parseGeometry({ type: 'LineString', coordinates: line }, 'route');
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems).toHaveLength(26);
    expect(parsed.problems[25]).toEqual({
      field: 'route',
      message: 'has more problems; only the first 25 are listed',
    });
  });

  it('refuses GeometryCollections nested deeper than 8 levels', () => {
    let geometry: unknown = { type: 'Point', coordinates: [0, 0] };
    for (let level = 0; level < 9; level++)
      geometry = { type: 'GeometryCollection', geometries: [geometry] };
    const parsed = parseGeometry(geometry, 'g');
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems[0]?.message).toBe('nests GeometryCollections deeper than 8 levels');
  });
});
