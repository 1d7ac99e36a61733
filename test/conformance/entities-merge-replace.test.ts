import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBroker, type TestBroker } from '../../apps/broker/src/testing/test-broker.js';
import { testDrivers } from '../../apps/broker/src/testing/test-database.js';
import {
  NGSI_LD_NULL,
  client,
  entity,
  entityUrl,
  expectProblem,
  geoProperty,
  languageProperty,
  point,
  property,
  relationship,
  urn,
  vehicle,
  type Body,
  type Client,
} from './builders.js';

const GPS = 'urn:ngsi-ld:Dataset:gps';
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(testDrivers())('Merge and replace whole entities on %s', (driver) => {
  let t: TestBroker;
  beforeAll(async () => {
    t = await startTestBroker(driver);
  });
  afterAll(() => t.close());

  async function withVehicle(
    overrides: Body = {},
  ): Promise<{ api: Client; id: string; before: Body }> {
    const api = client(t);
    const id = urn();
    await api.seed(vehicle(id, overrides));
    const before = await api.stored(id);
    await pause(5);
    return { api, id, before };
  }

  describe('Merge Entity (§5.6.17, §5.5.12, PATCH /entities/{id})', () => {
    const merge = (
      api: Client,
      id: string,
      body: unknown,
      options: { query?: Record<string, string>; headers?: Record<string, string> } = {},
    ) => api.send('PATCH', entityUrl(id), body, options);

    it('updates value and observedAt and keeps unitCode (§5.5.12 example 1)', async () => {
      const { api, id } = await withVehicle({
        temperature: property(25, { unitCode: 'CEL', observedAt: '2022-03-14T01:59:26.535Z' }),
      });
      const response = await merge(api, id, {
        temperature: property(100, { observedAt: '2022-03-14T13:00:00.000Z' }),
      });
      expect(response.status).toBe(204);
      expect((await api.stored(id, {})).temperature).toEqual(
        property(100, { unitCode: 'CEL', observedAt: '2022-03-14T13:00:00.000Z' }),
      );
    });

    it('merges JSON object values key by key; NGSI-LD Null removes a key (§5.5.12 example 2)', async () => {
      const { api, id } = await withVehicle({
        address: property({ street: 'Straße des 17. Juni', city: 'Berlin', country: 'Germany' }),
      });
      expect(
        (
          await merge(api, id, {
            address: property({ street: 'Pariser Platz', country: NGSI_LD_NULL }),
          })
        ).status,
      ).toBe(204);
      expect((await api.stored(id, {})).address).toEqual(
        property({ street: 'Pariser Platz', city: 'Berlin' }),
      );
    });

    it('merges nested JSON objects to any depth (§5.5.12)', async () => {
      const { api, id } = await withVehicle({ config: property({ a: { b: 1, c: 2 }, d: [1, 2] }) });
      await merge(api, id, { config: property({ a: { c: 3 }, d: [3] }) });
      expect((await api.stored(id, {})).config).toEqual(property({ a: { b: 1, c: 3 }, d: [3] }));
    });

    it('removes a whole attribute set to NGSI-LD Null, and keeps the others (§5.5.12)', async () => {
      const { api, id } = await withVehicle({ brand: property('VinFast') });
      expect((await merge(api, id, { brand: NGSI_LD_NULL })).status).toBe(204);
      expect(await api.stored(id, {})).toEqual({ id, type: 'Vehicle', speed: property(80) });
    });

    it('removes metadata set to NGSI-LD Null (§5.5.12)', async () => {
      const { api, id } = await withVehicle({
        speed: property(80, { unitCode: 'KMH', observedAt: '2024-01-01T00:00:00Z' }),
      });
      await merge(api, id, { speed: { value: 81, unitCode: NGSI_LD_NULL } });
      expect((await api.stored(id, {})).speed).toEqual(
        property(81, { observedAt: '2024-01-01T00:00:00.000Z' }),
      );
    });

    it('keeps the type of an existing attribute when the fragment is concise (§5.6.17.4)', async () => {
      const { api, id } = await withVehicle({
        location: geoProperty(point(1, 1)),
        temperature: property(20, { unitCode: 'CEL' }),
      });
      await merge(api, id, { location: point(2, 2), temperature: 21 });
      const body = await api.stored(id, {});
      expect(body.location).toEqual(geoProperty(point(2, 2)));
      expect(body.temperature).toEqual(property(21, { unitCode: 'CEL' }));
    });

    it('merges language maps tag by tag (§5.5.12, §4.5.18)', async () => {
      const { api, id } = await withVehicle({
        name: languageProperty({ en: 'Bus', vi: 'Xe buýt' }),
      });
      await merge(api, id, { name: { languageMap: { en: 'Coach', fr: 'Autocar' } } });
      expect((await api.stored(id, {})).name).toEqual(
        languageProperty({ en: 'Coach', vi: 'Xe buýt', fr: 'Autocar' }),
      );
    });

    it('merges sub-attributes one by one (§5.5.12)', async () => {
      const { api, id } = await withVehicle({
        speed: property(80, { accuracy: property(0.5), source: property('gps') }),
      });
      await merge(api, id, { speed: { value: 81, accuracy: 0.1 } });
      expect((await api.stored(id, {})).speed).toEqual(
        property(81, { accuracy: property(0.1), source: property('gps') }),
      );
    });

    it('merges only the instance with the same datasetId, and appends new ones (§5.6.17.4)', async () => {
      const { api, id } = await withVehicle({
        speed: [
          property(80, { unitCode: 'KMH' }),
          property(79, { datasetId: GPS, unitCode: 'KMH' }),
        ],
      });
      await merge(api, id, {
        speed: [
          property(60, { datasetId: GPS }),
          property(1, { datasetId: 'urn:ngsi-ld:Dataset:new' }),
        ],
      });
      expect((await api.stored(id, {})).speed).toEqual([
        property(80, { unitCode: 'KMH' }),
        property(60, { datasetId: GPS, unitCode: 'KMH' }),
        property(1, { datasetId: 'urn:ngsi-ld:Dataset:new' }),
      ]);
    });

    it('appends attributes that are new, adds types and replaces the scope (§5.6.17.4)', async () => {
      const { api, id } = await withVehicle({ scope: '/Hanoi' });
      await merge(api, id, {
        type: 'Bus',
        scope: ['/Danang'],
        owner: relationship('urn:ngsi-ld:Person:1'),
      });
      const body = await api.stored(id, {});
      expect(body.type).toEqual(['Vehicle', 'Bus']);
      expect(body.scope).toBe('/Danang');
      expect(body.owner).toEqual(relationship('urn:ngsi-ld:Person:1'));
    });

    it('keeps createdAt of the entity and of merged attributes, and moves modifiedAt (§4.8)', async () => {
      const { api, id, before } = await withVehicle();
      await merge(api, id, { speed: 1 });
      const after = await api.stored(id);
      expect(after.createdAt).toBe(before.createdAt);
      expect((after.speed as Body).createdAt).toBe((before.speed as Body).createdAt);
      expect(after.modifiedAt).not.toBe(before.modifiedAt);
    });

    it('accepts application/merge-patch+json bodies (§6.5.3.4, IETF RFC 7396)', async () => {
      const { api, id } = await withVehicle();
      const response = await merge(
        api,
        id,
        { speed: 5 },
        { headers: { 'content-type': 'application/merge-patch+json' } },
      );
      expect(response.status).toBe(204);
      expect((await api.stored(id, {})).speed).toEqual(property(5));
    });

    it('returns 404 ResourceNotFound for an unknown entity or a type selector that does not match (§5.6.17.4)', async () => {
      const { api, id, before } = await withVehicle();
      expectProblem(
        await merge(api, 'urn:ngsi-ld:Vehicle:nobody', { speed: 1 }),
        404,
        'ResourceNotFound',
      );
      expectProblem(
        await merge(api, id, { speed: 1 }, { query: { type: 'Building' } }),
        404,
        'ResourceNotFound',
      );
      expect(await api.stored(id)).toEqual(before);
    });

    it('returns 400 and changes nothing when any attribute is invalid (§5.5.4)', async () => {
      const { api, id, before } = await withVehicle();
      expectProblem(
        await merge(api, id, { speed: 1, owner: relationship(42) }),
        400,
        'BadRequestData',
      );
      expectProblem(
        await merge(api, id, { id: 'urn:ngsi-ld:Vehicle:other', speed: 1 }),
        400,
        'BadRequestData',
      );
      expect(await api.stored(id)).toEqual(before);
    });
  });

  describe('Replace Entity (§5.6.18, PUT /entities/{id})', () => {
    const replace = (api: Client, id: string, body: unknown, query?: Record<string, string>) =>
      api.send('PUT', entityUrl(id), body, query ? { query } : {});

    it('replaces every attribute, the types and the scope, keeping the entity createdAt (§5.6.18.4)', async () => {
      const { api, id, before } = await withVehicle({
        brand: property('VinFast'),
        scope: '/Hanoi',
      });
      const response = await replace(api, id, entity(id, 'Bus', { seats: property(40) }));
      expect(response.status).toBe(204);
      const after = await api.stored(id);
      expect(after.createdAt).toBe(before.createdAt);
      expect(after.modifiedAt).not.toBe(before.modifiedAt);
      expect(await api.stored(id, {})).toEqual({ id, type: 'Bus', seats: property(40) });
    });

    it('takes the id from the path when the body has none (§6.5.3.3)', async () => {
      const { api, id } = await withVehicle();
      expect((await replace(api, id, { type: 'Vehicle', speed: property(1) })).status).toBe(204);
      expect((await api.stored(id, {})).speed).toEqual(property(1));
    });

    it('honours the type selector (§5.6.18.3, §4.17)', async () => {
      const { api, id, before } = await withVehicle();
      expectProblem(
        await replace(api, id, vehicle(id, { speed: property(2) }), { type: 'Building' }),
        404,
        'ResourceNotFound',
      );
      expect(await api.stored(id)).toEqual(before);
      expect(
        (await replace(api, id, vehicle(id, { speed: property(2) }), { type: 'Vehicle' })).status,
      ).toBe(204);
    });

    it('returns 404 ResourceNotFound and creates nothing for an unknown entity (§5.6.18.4)', async () => {
      const { api } = await withVehicle();
      const id = urn();
      expectProblem(await replace(api, id, vehicle(id)), 404, 'ResourceNotFound');
      expectProblem(await api.retrieve(id), 404, 'ResourceNotFound');
    });

    it.each([
      ['the body id differs from the path', (id: string) => vehicle(`${id}-other`)],
      ['the type is missing', (id: string) => ({ id, speed: property(1) })],
      [
        'an attribute is NGSI-LD Null (not supported by replace)',
        (id: string) => vehicle(id, { speed: NGSI_LD_NULL }),
      ],
      ['an attribute is invalid', (id: string) => vehicle(id, { speed: { type: 'Property' } })],
    ])('returns 400 and changes nothing when %s (§5.6.18.4)', async (_case, body) => {
      const { api, id, before } = await withVehicle();
      expectProblem(await replace(api, id, body(id)), 400, 'BadRequestData');
      expect(await api.stored(id)).toEqual(before);
    });
  });
});
