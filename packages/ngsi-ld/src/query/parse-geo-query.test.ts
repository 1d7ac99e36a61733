import { describe, expect, it } from 'vitest';
import { parseGeoQuery } from './parse-geo-query.js';

const polygon = [
  [
    [100, 0],
    [101, 0],
    [101, 1],
    [100, 1],
    [100, 0],
  ],
];

describe('parseGeoQuery', () => {
  it('reads GET parameters, coordinates as JSON text, with location as the default geoproperty', () => {
    expect(
      parseGeoQuery({ georel: 'near;maxDistance==2000', geometry: 'Point', coordinates: '[8,40]' }),
    ).toEqual({
      ok: true,
      value: {
        relation: 'near',
        maxDistance: 2000,
        geometry: { type: 'Point', coordinates: [8, 40] },
        geoproperty: 'location',
      },
    });
  });

  it('reads a POST geoQ with coordinates as an array and a named geoproperty', () => {
    expect(
      parseGeoQuery(
        {
          georel: 'within',
          geometry: 'Polygon',
          coordinates: polygon,
          geoproperty: 'observationSpace',
        },
        'geoQ.',
      ),
    ).toEqual({
      ok: true,
      value: {
        relation: 'within',
        geometry: { type: 'Polygon', coordinates: polygon },
        geoproperty: 'observationSpace',
      },
    });
  });

  it.each(['MultiPoint', 'LineString', 'MultiLineString'])(
    'accepts a %s reference geometry',
    (geometry) => {
      const coordinates =
        geometry === 'MultiLineString'
          ? [
              [
                [0, 0],
                [1, 1],
              ],
            ]
          : [
              [0, 0],
              [1, 1],
            ];
      expect(parseGeoQuery({ georel: 'intersects', geometry, coordinates }).ok).toBe(true);
    },
  );

  it('names each missing member', () => {
    expect(parseGeoQuery({ geometry: 'Point' })).toEqual({
      ok: false,
      problems: [
        { field: 'georel', message: 'is required: georel, geometry and coordinates go together' },
        {
          field: 'coordinates',
          message: 'is required: georel, geometry and coordinates go together',
        },
      ],
    });
  });

  it('reports problems of every member at once, with the prefix it is given', () => {
    expect(
      parseGeoQuery(
        { georel: 'near', geometry: 'Circle', coordinates: [0, 0], geoproperty: 'geo-location' },
        'geoQ.',
      ),
    ).toEqual({
      ok: false,
      problems: [
        {
          field: 'geoQ.georel',
          message:
            "'near' needs maxDistance==<metres> or minDistance==<metres>, e.g. near;maxDistance==2000",
        },
        {
          field: 'geoQ.geometry',
          message:
            "'Circle' is not a geometry type (expected Point, MultiPoint, LineString, MultiLineString, Polygon, MultiPolygon)",
        },
        { field: 'geoQ.geoproperty', message: "'geo-location' is not a valid attribute name" },
      ],
    });
  });

  it('refuses a GeometryCollection as reference geometry', () => {
    expect(
      parseGeoQuery({ georel: 'within', geometry: 'GeometryCollection', coordinates: '[]' }),
    ).toEqual({
      ok: false,
      problems: [
        { field: 'geometry', message: "'GeometryCollection' cannot be a reference geometry" },
      ],
    });
  });

  it('rejects coordinates that are not JSON', () => {
    expect(parseGeoQuery({ georel: 'within', geometry: 'Point', coordinates: '8,40' })).toEqual({
      ok: false,
      problems: [{ field: 'coordinates', message: "is not valid JSON: '8,40'" }],
    });
  });

  it('checks coordinates against the geometry type, naming the exact position', () => {
    const open = [
      [
        [100, 0],
        [101, 0],
        [101, 1],
        [100, 1],
      ],
    ];
    expect(
      parseGeoQuery({ georel: 'within', geometry: 'Polygon', coordinates: JSON.stringify(open) }),
    ).toEqual({
      ok: false,
      problems: [
        {
          field: 'coordinates[0][3]',
          message: 'polygon ring must be closed (last position equals the first)',
        },
      ],
    });
    expect(
      parseGeoQuery({ georel: 'within', geometry: 'Point', coordinates: [8, 95] }, 'geoQ.'),
    ).toEqual({
      ok: false,
      problems: [{ field: 'geoQ.coordinates[1]', message: 'latitude 95 is outside [-90, 90]' }],
    });
  });

  it('rejects a georel that is not a string', () => {
    expect(parseGeoQuery({ georel: 5, geometry: 'Point', coordinates: [0, 0] })).toEqual({
      ok: false,
      problems: [
        {
          field: 'georel',
          message: "must be a string such as 'near;maxDistance==2000' or 'within'",
        },
      ],
    });
  });
});
