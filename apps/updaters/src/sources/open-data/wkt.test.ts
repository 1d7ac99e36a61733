import { describe, expect, it } from 'vitest';
import { parseWkt } from './wkt.js';

describe('parseWkt', () => {
  it('reads a point, with or without Z and an SRID prefix', () => {
    expect(parseWkt('POINT (5.72 45.19)')).toEqual({
      ok: true,
      value: { type: 'Point', coordinates: [5.72, 45.19] },
    });
    expect(parseWkt('SRID=4326;point z(5.72 45.19 212)')).toEqual({
      ok: true,
      value: { type: 'Point', coordinates: [5.72, 45.19, 212] },
    });
  });

  it('reads line strings and polygons with holes', () => {
    expect(parseWkt('LINESTRING (5.7 45.1, 5.71 45.11, 5.72 45.1)')).toMatchObject({
      value: {
        type: 'LineString',
        coordinates: [
          [5.7, 45.1],
          [5.71, 45.11],
          [5.72, 45.1],
        ],
      },
    });
    expect(parseWkt('POLYGON ((0 0, 4 0, 4 4, 0 4, 0 0), (1 1, 2 1, 2 2, 1 1))')).toMatchObject({
      value: {
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [4, 0],
            [4, 4],
            [0, 4],
            [0, 0],
          ],
          [
            [1, 1],
            [2, 1],
            [2, 2],
            [1, 1],
          ],
        ],
      },
    });
  });

  it('reads the MULTI forms', () => {
    expect(parseWkt('MULTIPOINT ((1 2), (3 4))')).toMatchObject({
      value: {
        type: 'MultiPoint',
        coordinates: [
          [1, 2],
          [3, 4],
        ],
      },
    });
    expect(parseWkt('MULTIPOINT (1 2, 3 4)')).toMatchObject({
      value: {
        coordinates: [
          [1, 2],
          [3, 4],
        ],
      },
    });
    expect(parseWkt('MULTILINESTRING ((1 2, 3 4), (5 6, 7 8))')).toMatchObject({
      value: { type: 'MultiLineString' },
    });
    expect(parseWkt('MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)), ((2 2, 3 2, 3 3, 2 2)))')).toMatchObject(
      {
        value: {
          type: 'MultiPolygon',
          coordinates: [
            [
              [
                [0, 0],
                [1, 0],
                [1, 1],
                [0, 0],
              ],
            ],
            [
              [
                [2, 2],
                [3, 2],
                [3, 3],
                [2, 2],
              ],
            ],
          ],
        },
      },
    );
  });

  it('refuses text that is not WKT', () => {
    expect(parseWkt('45.19, 5.72')).toMatchObject({
      ok: false,
      message: expect.stringContaining('expected WKT'),
    });
    expect(parseWkt('POINT (a b)')).toEqual({ ok: false, message: '"a" is not a number' });
    expect(parseWkt('POINT (1 2) x')).toMatchObject({ ok: false });
    expect(parseWkt('CIRCLE (1 2)')).toMatchObject({ ok: false });
  });

  it('refuses an open polygon ring and a latitude out of range', () => {
    expect(parseWkt('POLYGON ((0 0, 1 0, 1 1, 0 1))')).toMatchObject({ ok: false });
    expect(parseWkt('POINT (5 95)')).toMatchObject({
      ok: false,
      message: expect.stringContaining('wkt'),
    });
  });
});
