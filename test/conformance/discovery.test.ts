import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBroker, type TestBroker } from '../../apps/broker/src/testing/test-broker.js';
import { testDrivers } from '../../apps/broker/src/testing/test-database.js';
import {
  DEFAULT_VOCAB,
  client,
  entity,
  expectProblem,
  geoProperty,
  linkTo,
  point,
  property,
  relationship,
  type Body,
  type Client,
} from './builders.js';

const TYPES = '/ngsi-ld/v1/types';
const ATTRIBUTES = '/ngsi-ld/v1/attributes';
const GPS = 'urn:ngsi-ld:Dataset:gps';
const LOCATION = 'https://uri.etsi.org/ngsi-ld/location';
/** The order of lists is not the spec's business: compare them sorted. */
const sorted = (list: unknown) => [...(list as string[])].sort();

const city: Body[] = [
  entity('urn:ngsi-ld:Vehicle:1', 'Vehicle', {
    speed: [property(1), property(2, { datasetId: GPS })],
    owner: relationship('urn:ngsi-ld:Person:1'),
  }),
  entity('urn:ngsi-ld:Vehicle:2', ['Vehicle', 'Bus'], {
    speed: property(3),
    location: geoProperty(point(1, 2)),
  }),
  entity('urn:ngsi-ld:Parking:1', 'OffStreetParking', {
    location: geoProperty(point(3, 4)),
    owner: property('City'),
  }),
];

describe.each(testDrivers())('Context information discovery on %s', (driver) => {
  let t: TestBroker;
  let api: Client;
  beforeAll(async () => {
    t = await startTestBroker(driver);
    api = client(t);
    await api.seed(...city);
  });
  afterAll(() => t.close());

  describe('Retrieve Available Entity Types (§5.7.5, §5.7.6, GET /types)', () => {
    it('lists the type names in an EntityTypeList (§5.2.24)', async () => {
      const response = await api.get(TYPES);
      expect(response.status).toBe(200);
      const body = response.body as Body;
      expect(body.type).toBe('EntityTypeList');
      expect(body.id).toMatch(/^urn:ngsi-ld:EntityTypeList:/);
      expect(body.typeList).toEqual(['Bus', 'OffStreetParking', 'Vehicle']);
    });

    it('gives one EntityType per type with details=true, with its attribute names (§5.2.25)', async () => {
      const body = ((await api.get(TYPES, { details: 'true' })).body as Body[]).map((item) => ({
        ...item,
        attributeNames: sorted(item.attributeNames),
      }));
      expect(body).toEqual([
        {
          id: `${DEFAULT_VOCAB}Bus`,
          type: 'EntityType',
          typeName: 'Bus',
          attributeNames: ['location', 'speed'],
        },
        {
          id: `${DEFAULT_VOCAB}OffStreetParking`,
          type: 'EntityType',
          typeName: 'OffStreetParking',
          attributeNames: ['location', 'owner'],
        },
        {
          id: `${DEFAULT_VOCAB}Vehicle`,
          type: 'EntityType',
          typeName: 'Vehicle',
          attributeNames: ['location', 'owner', 'speed'],
        },
      ]);
    });

    it('compacts type names with the @context of the request (§5.5.7)', async () => {
      const other = client(t);
      await other.seed(entity('urn:ngsi-ld:Tram:1', 'https://example.org/Tram'));
      expect(((await other.get(TYPES)).body as Body).typeList).toEqual([
        'https://example.org/Tram',
      ]);
      const hosted = await other.send('POST', '/ngsi-ld/v1/jsonldContexts', {
        '@context': { Tram: 'https://example.org/Tram' },
      });
      const url = (
        (await other.get(String(hosted.headers.location), { details: 'true' })).body as Body
      ).URL as string;
      expect(((await other.get(TYPES, undefined, linkTo(url))).body as Body).typeList).toEqual([
        'Tram',
      ]);
    });

    it('answers an empty list for a tenant without entities, and 404 NonexistentTenant for an unknown one', async () => {
      const emptied = client(t);
      await emptied.seed(entity('urn:ngsi-ld:Thing:1', 'Thing'));
      await emptied.send('DELETE', '/ngsi-ld/v1/entities/urn:ngsi-ld:Thing:1');
      expect(((await emptied.get(TYPES)).body as Body).typeList).toEqual([]);
      expectProblem(await client(t).get(TYPES), 404, 'NonexistentTenant');
    });

    it('puts the @context in the body for Accept: application/ld+json (§6.3.5)', async () => {
      const response = await api.get(TYPES, undefined, { accept: 'application/ld+json' });
      expect((response.body as Body)['@context']).toBeDefined();
      expect(response.headers.link).toBeUndefined();
    });

    it('rejects an unknown parameter and a details that is not a boolean', async () => {
      expectProblem(await api.get(TYPES, { detail: 'true' }), 400, 'InvalidRequest');
      expectProblem(await api.get(TYPES, { details: 'yes' }), 400, 'BadRequestData');
    });
  });

  describe('Retrieve Available Entity Type Information (§5.7.7, GET /types/{type})', () => {
    it('gives the entity count and the attributes with their attribute types (§5.2.26)', async () => {
      const body = (await api.get(`${TYPES}/Vehicle`)).body as Body;
      body.attributeDetails = (body.attributeDetails as Body[]).sort((a, b) =>
        String(a.attributeName).localeCompare(String(b.attributeName)),
      );
      expect(body).toEqual({
        id: `${DEFAULT_VOCAB}Vehicle`,
        type: 'EntityTypeInfo',
        typeName: 'Vehicle',
        entityCount: 2,
        attributeDetails: [
          {
            id: LOCATION,
            type: 'Attribute',
            attributeName: 'location',
            attributeTypes: ['GeoProperty'],
          },
          {
            id: `${DEFAULT_VOCAB}owner`,
            type: 'Attribute',
            attributeName: 'owner',
            attributeTypes: ['Relationship'],
          },
          {
            id: `${DEFAULT_VOCAB}speed`,
            type: 'Attribute',
            attributeName: 'speed',
            attributeTypes: ['Property'],
          },
        ],
      });
    });

    it('accepts the full type IRI in the path', async () => {
      const body = (await api.get(`${TYPES}/${encodeURIComponent(`${DEFAULT_VOCAB}Bus`)}`))
        .body as Body;
      expect(body.entityCount).toBe(1);
    });

    it('answers 404 ResourceNotFound for a type no entity has', async () => {
      expectProblem(await api.get(`${TYPES}/Tram`), 404, 'ResourceNotFound');
    });
  });

  describe('Available Attributes (§5.7.8, §5.7.9, GET /attributes)', () => {
    it('lists the attribute names in an AttributeList (§5.2.27)', async () => {
      const body = (await api.get(ATTRIBUTES)).body as Body;
      expect(body.type).toBe('AttributeList');
      expect(body.id).toMatch(/^urn:ngsi-ld:AttributeList:/);
      expect(sorted(body.attributeList)).toEqual(['location', 'owner', 'speed']);
    });

    it('gives one Attribute per name with details=true, with the types of the entities using it (§5.2.28)', async () => {
      const body = (await api.get(ATTRIBUTES, { details: 'true' })).body as Body[];
      const rows = body.map((item) => [item.attributeName, item.typeNames]);
      expect(rows.sort((a, b) => String(a[0]).localeCompare(String(b[0])))).toEqual([
        ['location', ['Bus', 'OffStreetParking', 'Vehicle']],
        ['owner', ['OffStreetParking', 'Vehicle']],
        ['speed', ['Bus', 'Vehicle']],
      ]);
      expect(body.every((item) => item.type === 'Attribute')).toBe(true);
    });
  });

  describe('Available Attribute Information (§5.7.10, GET /attributes/{attrId})', () => {
    it('counts the attribute instances and lists attribute and entity types (§5.2.28)', async () => {
      expect((await api.get(`${ATTRIBUTES}/owner`)).body).toEqual({
        id: `${DEFAULT_VOCAB}owner`,
        type: 'Attribute',
        attributeName: 'owner',
        attributeCount: 2,
        attributeTypes: ['Property', 'Relationship'],
        typeNames: ['OffStreetParking', 'Vehicle'],
      });
    });

    it('counts every datasetId instance: attributeCount is the number of attribute instances (§5.2.28)', async () => {
      expect(((await api.get(`${ATTRIBUTES}/speed`)).body as Body).attributeCount).toBe(3);
    });

    it('answers 404 ResourceNotFound for an attribute no entity has', async () => {
      expectProblem(await api.get(`${ATTRIBUTES}/colour`), 404, 'ResourceNotFound');
    });
  });
});
