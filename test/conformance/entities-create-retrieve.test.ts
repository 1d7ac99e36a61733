import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBroker, type TestBroker } from '../../apps/broker/src/testing/test-broker.js';
import { testDrivers } from '../../apps/broker/src/testing/test-database.js';
import {
  ENTITIES,
  NGSI_LD_NULL,
  client,
  entity,
  entityUrl,
  expectProblem,
  geoProperty,
  point,
  property,
  relationship,
  urn,
  vehicle,
  type Body,
} from './builders.js';

describe.each(testDrivers())('Create, retrieve and delete entities on %s', (driver) => {
  let t: TestBroker;
  beforeAll(async () => {
    t = await startTestBroker(driver);
  });
  afterAll(() => t.close());

  describe('Create Entity (§5.6.1, §6.4.3.1)', () => {
    it('answers 201 with a Location header naming the new entity (§6.4.3.1)', async () => {
      const api = client(t);
      const id = urn();
      const response = await api.create(vehicle(id));
      expect(response.status).toBe(201);
      expect(response.headers.location).toBe(entityUrl(id));
      expect(response.text).toBe('');
    });

    it('stores the entity so that Retrieve Entity returns it in normalized form (§5.7.1)', async () => {
      const api = client(t);
      const id = urn();
      await api.seed(
        vehicle(id, {
          brand: property('Mercedes'),
          isParked: relationship('urn:ngsi-ld:OffStreetParking:Downtown1', {
            observedAt: '2024-05-01T10:00:00Z',
          }),
          location: geoProperty(point(105.85, 21.03)),
        }),
      );
      const response = await api.retrieve(id);
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        id,
        type: 'Vehicle',
        brand: { type: 'Property', value: 'Mercedes' },
        isParked: {
          type: 'Relationship',
          object: 'urn:ngsi-ld:OffStreetParking:Downtown1',
          observedAt: '2024-05-01T10:00:00.000Z',
        },
        location: { type: 'GeoProperty', value: point(105.85, 21.03) },
        speed: { type: 'Property', value: 80 },
      });
    });

    it('accepts attributes in concise form and stores them with their inferred types (§4.5.2.3, §4.5.3.3)', async () => {
      const api = client(t);
      const id = urn();
      await api.seed({
        id,
        type: 'Vehicle',
        speed: 80,
        owner: { object: 'urn:ngsi-ld:Person:1' },
        location: point(1, 2),
        tags: ['a', 'b'],
      });
      expect(await api.stored(id, {})).toEqual({
        id,
        type: 'Vehicle',
        location: { type: 'GeoProperty', value: point(1, 2) },
        owner: { type: 'Relationship', object: 'urn:ngsi-ld:Person:1' },
        speed: { type: 'Property', value: 80 },
        tags: { type: 'Property', value: ['a', 'b'] },
      });
    });

    it('keeps several instances of one attribute apart by datasetId (§4.5.5)', async () => {
      const api = client(t);
      const id = urn();
      await api.seed(
        vehicle(id, {
          speed: [property(80), property(79, { datasetId: 'urn:ngsi-ld:Dataset:gps' })],
        }),
      );
      const body = await api.stored(id, {});
      expect(body.speed).toEqual([
        { type: 'Property', value: 80 },
        { type: 'Property', value: 79, datasetId: 'urn:ngsi-ld:Dataset:gps' },
      ]);
    });

    it('keeps several entity types and the scope (§4.16, §4.18)', async () => {
      const api = client(t);
      const id = urn();
      await api.seed(
        entity(id, ['Vehicle', 'Bus'], {
          scope: ['/Hanoi/HoanKiem', '/Fleet'],
          speed: property(3),
        }),
      );
      const body = await api.stored(id, {});
      expect(body.type).toEqual(['Vehicle', 'Bus']);
      expect(body.scope).toEqual(['/Hanoi/HoanKiem', '/Fleet']);
    });

    it('ignores createdAt and modifiedAt in the body and sets both to the creation time (§4.8)', async () => {
      const api = client(t);
      const id = urn();
      await api.seed(
        vehicle(id, { createdAt: '2000-01-01T00:00:00Z', modifiedAt: '2000-01-01T00:00:00Z' }),
      );
      const body = await api.stored(id);
      expect(body.createdAt).not.toBe('2000-01-01T00:00:00Z');
      expect(body.createdAt).toBe(body.modifiedAt);
      expect(Date.parse(body.createdAt as string)).toBeGreaterThan(Date.now() - 60_000);
      expect((body.speed as Body).createdAt).toBe(body.createdAt);
    });

    it('returns 409 AlreadyExists when the id exists, and leaves the stored entity unchanged (§5.6.1)', async () => {
      const api = client(t);
      const id = urn();
      await api.seed(vehicle(id));
      const before = await api.stored(id);
      const response = await api.create(vehicle(id, { speed: property(1) }));
      expectProblem(response, 409, 'AlreadyExists');
      expect(await api.stored(id)).toEqual(before);
    });

    it('lets exactly one of several concurrent creations of one id succeed (§5.6.1)', async () => {
      const api = client(t);
      await api.seed(vehicle(urn()));
      const id = urn();
      const statuses = await Promise.all(
        Array.from({ length: 5 }, (_, i) => api.create(vehicle(id, { speed: property(i) }))),
      );
      expect(statuses.map((response) => response.status).sort()).toEqual([201, 409, 409, 409, 409]);
    });

    it.each([
      ['the id is missing', { type: 'Vehicle', speed: property(1) }, 'id'],
      ['the id is not a URI', { id: 'not a uri', type: 'Vehicle' }, 'id'],
      ['the type is missing', { id: 'urn:ngsi-ld:Vehicle:x' }, 'type'],
      ['the type is an empty array', { id: 'urn:ngsi-ld:Vehicle:x', type: [] }, 'type'],
      [
        'an attribute is null',
        { id: 'urn:ngsi-ld:Vehicle:x', type: 'Vehicle', speed: null },
        'speed',
      ],
      [
        'a value member is null',
        { id: 'urn:ngsi-ld:Vehicle:x', type: 'Vehicle', speed: property(null) },
        'speed.value',
      ],
      [
        'an attribute is NGSI-LD Null',
        { id: 'urn:ngsi-ld:Vehicle:x', type: 'Vehicle', speed: NGSI_LD_NULL },
        'speed',
      ],
      [
        'unitCode is NGSI-LD Null',
        {
          id: 'urn:ngsi-ld:Vehicle:x',
          type: 'Vehicle',
          speed: property(1, { unitCode: NGSI_LD_NULL }),
        },
        'speed.unitCode',
      ],
      [
        'an attribute type is unknown',
        { id: 'urn:ngsi-ld:Vehicle:x', type: 'Vehicle', speed: { type: 'Speed', value: 1 } },
        'speed.type',
      ],
      [
        'a Property has no value',
        { id: 'urn:ngsi-ld:Vehicle:x', type: 'Vehicle', speed: { type: 'Property' } },
        'speed',
      ],
      [
        'a Relationship object is not a URI',
        { id: 'urn:ngsi-ld:Vehicle:x', type: 'Vehicle', owner: relationship('bob') },
        'owner.object',
      ],
      [
        'a GeoProperty is not GeoJSON',
        {
          id: 'urn:ngsi-ld:Vehicle:x',
          type: 'Vehicle',
          location: geoProperty({ type: 'Point', coordinates: [500, 0] }),
        },
        'location',
      ],
      [
        'observedAt is not a date-time',
        {
          id: 'urn:ngsi-ld:Vehicle:x',
          type: 'Vehicle',
          speed: property(1, { observedAt: 'yesterday' }),
        },
        'speed.observedAt',
      ],
      [
        'datasetId is not a URI',
        { id: 'urn:ngsi-ld:Vehicle:x', type: 'Vehicle', speed: property(1, { datasetId: 'gps' }) },
        'speed.datasetId',
      ],
      [
        'an attribute name has forbidden characters',
        { id: 'urn:ngsi-ld:Vehicle:x', type: 'Vehicle', 'spe ed': property(1) },
        'spe ed',
      ],
      [
        'two instances share a datasetId',
        { id: 'urn:ngsi-ld:Vehicle:x', type: 'Vehicle', speed: [property(1), property(2)] },
        'speed[1]',
      ],
      [
        'the scope is not a scope path',
        { id: 'urn:ngsi-ld:Vehicle:x', type: 'Vehicle', scope: 'Hanoi' },
        'scope',
      ],
    ])(
      'returns 400 BadRequestData naming the field when %s, and stores nothing (§5.5.4, §5.6.1)',
      async (_case, body, field) => {
        const api = client(t);
        await api.seed(vehicle(urn()));
        const id = urn();
        const isPlaceholder = (body as Body).id === 'urn:ngsi-ld:Vehicle:x';
        const response = await api.create({ ...body, ...(isPlaceholder ? { id } : {}) });
        const problem = expectProblem(response, 400, 'BadRequestData');
        expect(JSON.stringify(problem)).toContain(field);
        if (isPlaceholder) expectProblem(await api.retrieve(id), 404, 'ResourceNotFound');
      },
    );

    it('reports every problem of a body at once (§5.5.4)', async () => {
      const api = client(t);
      const response = await api.create({
        type: 'Vehicle',
        speed: property(1, { observedAt: 'x' }),
        owner: relationship(3),
      });
      const problem = expectProblem(response, 400, 'BadRequestData');
      const fields = (problem.problems as Body[]).map((p) => p.field);
      expect(fields).toEqual(expect.arrayContaining(['id', 'speed.observedAt', 'owner.object']));
    });

    it('returns 400 when the body is a JSON array rather than an entity (§6.4.3.1)', async () => {
      const api = client(t);
      expectProblem(await api.create([vehicle(urn())] as unknown as Body), 400, 'BadRequestData');
    });
  });

  describe('attribute types beyond Property and Relationship (§4.5)', () => {
    it('round-trips objectType, ListProperty, ListRelationship, JsonProperty and VocabProperty', async () => {
      const api = client(t);
      const id = urn();
      const body = vehicle(id, {
        owner: relationship('urn:ngsi-ld:Person:1', { objectType: 'Person' }),
        readings: { type: 'ListProperty', valueList: [1, 2, 3] },
        stops: {
          type: 'ListRelationship',
          objectList: [{ object: 'urn:ngsi-ld:Stop:1' }, { object: 'urn:ngsi-ld:Stop:2' }],
        },
        raw: { type: 'JsonProperty', json: { type: 'not an attribute', value: [1] } },
        category: { type: 'VocabProperty', vocab: 'Electric' },
      });
      await api.seed(body);
      const { id: _id, type: _type, ...attributes } = body;
      expect(await api.stored(id, {})).toEqual({ id, type: 'Vehicle', ...attributes });
    });
  });

  describe('Retrieve Entity (§5.7.1, §6.5.3.1)', () => {
    it('returns 404 ResourceNotFound for an unknown id (§5.7.1.4)', async () => {
      const api = client(t);
      await api.seed(vehicle(urn()));
      const problem = expectProblem(
        await api.retrieve('urn:ngsi-ld:Vehicle:nobody'),
        404,
        'ResourceNotFound',
      );
      expect(problem.detail).toContain('urn:ngsi-ld:Vehicle:nobody');
    });

    it('returns 400 BadRequestData when the id in the path is not a URI (§5.7.1.4)', async () => {
      const api = client(t);
      await api.seed(vehicle(urn()));
      expectProblem(await api.get(`${ENTITIES}/not-a-uri`), 400, 'BadRequestData');
    });

    it('finds ids that need percent-encoding in the path (§6.5)', async () => {
      const api = client(t);
      const id = `urn:ngsi-ld:Vehicle:${Date.now()}:a/b?c#d`;
      await api.seed(vehicle(id));
      expect((await api.stored(id, {})).id).toBe(id);
    });

    it('honours the type selector: 404 when the entity has none of the types (§4.17, §5.7.1.4)', async () => {
      const api = client(t);
      const id = urn();
      await api.seed(entity(id, ['Vehicle', 'Bus'], { speed: property(1) }));
      expect((await api.retrieve(id, { type: 'Bus' })).status).toBe(200);
      expect((await api.retrieve(id, { type: 'Car,Bus' })).status).toBe(200);
      expectProblem(await api.retrieve(id, { type: 'Car' }), 404, 'ResourceNotFound');
    });

    it('returns only the attributes named by attrs (§5.7.1.4)', async () => {
      const api = client(t);
      const id = urn();
      await api.seed(vehicle(id, { brand: property('VinFast'), color: property('red') }));
      const response = await api.retrieve(id, { attrs: 'brand,color' });
      expect(response.body).toEqual({
        id,
        type: 'Vehicle',
        brand: property('VinFast'),
        color: property('red'),
      });
    });

    it('returns 404 ResourceNotFound when the entity has none of the attributes named by attrs (§5.7.1.4)', async () => {
      const api = client(t);
      const id = urn();
      await api.seed(vehicle(id));
      expectProblem(await api.retrieve(id, { attrs: 'brand' }), 404, 'ResourceNotFound');
    });

    it('keeps tenants apart: an entity of one tenant is not found in another (§4.14)', async () => {
      const owner = client(t);
      const other = client(t);
      const id = urn();
      await owner.seed(vehicle(id));
      await other.seed(vehicle(urn()));
      expectProblem(await other.retrieve(id), 404, 'ResourceNotFound');
    });
  });

  describe('Delete Entity (§5.6.6, §6.5.3.2)', () => {
    it('answers 204 and the entity is gone afterwards', async () => {
      const api = client(t);
      const id = urn();
      await api.seed(vehicle(id));
      const response = await api.send('DELETE', entityUrl(id));
      expect(response.status).toBe(204);
      expectProblem(await api.retrieve(id), 404, 'ResourceNotFound');
    });

    it('returns 404 ResourceNotFound for an unknown id', async () => {
      const api = client(t);
      await api.seed(vehicle(urn()));
      expectProblem(
        await api.send('DELETE', entityUrl('urn:ngsi-ld:Vehicle:nobody')),
        404,
        'ResourceNotFound',
      );
    });

    it('returns 404 and keeps the entity when the type selector does not match (§4.17)', async () => {
      const api = client(t);
      const id = urn();
      await api.seed(vehicle(id));
      expectProblem(
        await api.send('DELETE', entityUrl(id), undefined, { query: { type: 'Building' } }),
        404,
        'ResourceNotFound',
      );
      expect((await api.retrieve(id)).status).toBe(200);
    });

    it('allows creating the same id again after deletion (§5.6.1)', async () => {
      const api = client(t);
      const id = urn();
      await api.seed(vehicle(id));
      await api.send('DELETE', entityUrl(id));
      expect((await api.create(vehicle(id, { speed: property(5) }))).status).toBe(201);
      expect((await api.stored(id, {})).speed).toEqual(property(5));
    });
  });
});
