import { describe, expect, it } from 'vitest';
import { parseMapping } from './mapping.js';

const minimal = {
  source: 'parkings.csv',
  entityType: 'OffStreetParking',
  entityId: { column: 'code' },
  attributes: [{ column: 'capacity', name: 'totalSpotNumber', valueType: 'integer' }],
};

describe('parseMapping', () => {
  it('resolves a relative source against the mapping folder and fills defaults', () => {
    expect(parseMapping(minimal, '/etc/legocity')).toEqual({
      ok: true,
      value: {
        name: 'default',
        source: '/etc/legocity/parkings.csv',
        format: 'csv',
        delimiter: ',',
        entityType: 'OffStreetParking',
        entityId: { column: 'code' },
        attributes: [
          { column: 'capacity', name: 'totalSpotNumber', valueType: 'integer', required: false },
        ],
      },
    });
  });

  it('keeps an http URL and tells GeoJSON from the extension', () => {
    const parsed = parseMapping(
      {
        ...minimal,
        source: 'https://data.example/zones.geojson?v=2',
        entityId: { featureId: true },
      },
      '/x',
    );
    expect(parsed).toMatchObject({
      ok: true,
      value: { source: 'https://data.example/zones.geojson?v=2', format: 'geojson' },
    });
  });

  it('takes "property" for GeoJSON and the column name when no name is given', () => {
    const parsed = parseMapping({ ...minimal, attributes: [{ property: 'label' }] }, '/x');
    expect(parsed).toMatchObject({
      ok: true,
      value: { attributes: [{ column: 'label', name: 'label', valueType: 'string' }] },
    });
  });

  it('reports every problem at once, by field', () => {
    expect(
      parseMapping(
        {
          name: 'Bad Name',
          source: 'data.txt',
          entityType: '1Type',
          entityId: {},
          location: { x: 'a' },
          geometry: ['Circle'],
          attributes: [
            { column: 'a', name: 'id' },
            { column: 'b', name: 'b', valueType: 'date' },
            { column: 'c', name: 'c', unitCode: 'metres' },
            { column: 'd', name: 'd' },
            { column: 'e', name: 'd' },
          ],
        },
        '/x',
      ),
    ).toEqual({
      ok: false,
      problems: [
        'name: must be lower-case letters, digits and dashes',
        'entityType: must be a letter followed by letters, digits or _',
        'format: cannot tell from the source name; set csv or geojson',
        'entityId: expected { "column": … }, { "template": "…{column}…" } or { "featureId": true }',
        'location: expected { "lon": …, "lat": … }, { "wkt": … } or { "geojson": … } column names',
        'geometry: expected a list of Point, MultiPoint, LineString, MultiLineString, Polygon, MultiPolygon',
        'attributes[0].name: "id" is reserved',
        'attributes[1].valueType: must be one of number, integer, string, boolean',
        'attributes[2].unitCode: must be a UN/CEFACT common code such as MTR or CEL',
        'attributes[4].name: "d" is mapped twice',
      ],
    });
  });

  it('refuses a feature id for CSV and a location for GeoJSON', () => {
    expect(parseMapping({ ...minimal, entityId: { featureId: true } }, '/x')).toMatchObject({
      problems: ['entityId.featureId: only GeoJSON features have an id'],
    });
    expect(
      parseMapping({ ...minimal, format: 'geojson', location: { wkt: 'g' } }, '/x'),
    ).toMatchObject({
      problems: ['location: GeoJSON features carry their own geometry; remove location'],
    });
  });

  it('refuses what is not an object', () => {
    expect(parseMapping([], '/x')).toEqual({
      ok: false,
      problems: ['mapping: expected a JSON object'],
    });
  });
});
