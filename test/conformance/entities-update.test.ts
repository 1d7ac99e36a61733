import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBroker, type TestBroker } from '../../apps/broker/src/testing/test-broker.js';
import { testDrivers } from '../../apps/broker/src/testing/test-database.js';
import {
  NGSI_LD_NULL,
  attrUrl,
  client,
  entity,
  entityUrl,
  expectProblem,
  property,
  relationship,
  urn,
  vehicle,
  type Body,
  type Client,
} from './builders.js';

const GPS = 'urn:ngsi-ld:Dataset:gps';
const RADAR = 'urn:ngsi-ld:Dataset:radar';
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(testDrivers())('Attribute updates on %s', (driver) => {
  let t: TestBroker;
  beforeAll(async () => {
    t = await startTestBroker(driver);
  });
  afterAll(() => t.close());

  /** A client with one stored vehicle; returns both and the entity as stored. */
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

  const append = (api: Client, id: string, body: unknown, query?: Record<string, string>) =>
    api.send('POST', entityUrl(id, '/attrs'), body, query ? { query } : {});
  const update = (api: Client, id: string, body: unknown, query?: Record<string, string>) =>
    api.send('PATCH', entityUrl(id, '/attrs'), body, query ? { query } : {});

  describe('Append Attributes (§5.6.3, POST /entities/{id}/attrs)', () => {
    it('appends new attributes and answers 204', async () => {
      const { api, id } = await withVehicle();
      expect((await append(api, id, { brand: property('VinFast') })).status).toBe(204);
      const body = await api.stored(id, {});
      expect(body.brand).toEqual(property('VinFast'));
      expect(body.speed).toEqual(property(80));
    });

    it('overwrites an existing attribute by default, keeping its createdAt (§5.6.3.4, §4.8)', async () => {
      const { api, id, before } = await withVehicle({ speed: property(80, { unitCode: 'KMH' }) });
      expect((await append(api, id, { speed: property(90) })).status).toBe(204);
      const after = await api.stored(id);
      const speed = after.speed as Body;
      expect(speed.value).toBe(90);
      expect(speed.unitCode).toBeUndefined();
      expect(speed.createdAt).toBe((before.speed as Body).createdAt);
      expect(speed.modifiedAt).not.toBe((before.speed as Body).modifiedAt);
      expect(after.modifiedAt).not.toBe(before.modifiedAt);
      expect(after.createdAt).toBe(before.createdAt);
    });

    it('leaves existing attributes untouched with options=noOverwrite and answers 207 naming them (§5.6.3.4, §6.6.3.1)', async () => {
      const { api, id } = await withVehicle();
      const response = await append(
        api,
        id,
        { speed: property(1), brand: property('VinFast') },
        { options: 'noOverwrite' },
      );
      expect(response.status).toBe(207);
      expect(response.body).toEqual({
        updated: ['brand'],
        notUpdated: [{ attributeName: 'speed', reason: expect.any(String) }],
      });
      const body = await api.stored(id, {});
      expect(body.speed).toEqual(property(80));
      expect(body.brand).toEqual(property('VinFast'));
    });

    it('appends an instance with a new datasetId beside the default one (§5.6.3.4)', async () => {
      const { api, id } = await withVehicle();
      expect(
        (
          await append(
            api,
            id,
            { speed: property(70, { datasetId: GPS }) },
            { options: 'noOverwrite' },
          )
        ).status,
      ).toBe(204);
      expect((await api.stored(id, {})).speed).toEqual([
        property(80),
        property(70, { datasetId: GPS }),
      ]);
    });

    it('adds entity types that are not yet there (§5.6.3.4)', async () => {
      const { api, id } = await withVehicle();
      expect((await append(api, id, { type: 'Bus', color: property('blue') })).status).toBe(204);
      expect((await api.stored(id, {})).type).toEqual(['Vehicle', 'Bus']);
    });

    it('replaces the scope when overwriting and unites scopes with noOverwrite (§5.6.3.4)', async () => {
      const { api, id } = await withVehicle({ scope: '/Hanoi' });
      await append(api, id, { scope: '/Fleet/North' }, { options: 'noOverwrite' });
      expect((await api.stored(id, {})).scope).toEqual(['/Hanoi', '/Fleet/North']);
      await append(api, id, { scope: '/Danang' });
      expect((await api.stored(id, {})).scope).toBe('/Danang');
    });

    it('returns 404 ResourceNotFound for an unknown entity (§5.6.3.4)', async () => {
      const { api } = await withVehicle();
      expectProblem(
        await append(api, 'urn:ngsi-ld:Vehicle:nobody', { brand: property('x') }),
        404,
        'ResourceNotFound',
      );
    });

    it('returns 404 and changes nothing when the type selector does not match (§4.17)', async () => {
      const { api, id, before } = await withVehicle();
      expectProblem(
        await append(api, id, { brand: property('x') }, { type: 'Building' }),
        404,
        'ResourceNotFound',
      );
      expect(await api.stored(id)).toEqual(before);
    });

    it.each([
      ['an attribute is invalid', { brand: property('ok'), speed: { type: 'Property' } }],
      [
        'the body id differs from the path',
        { id: 'urn:ngsi-ld:Vehicle:other', brand: property('x') },
      ],
      ['the body is not an object', [property(1)]],
      ['an option is unknown', { brand: property('x') }, { options: 'overwrite' }],
    ])(
      'returns 400 and changes nothing when %s (§5.5.4)',
      async (_case, body, query?: Record<string, string>) => {
        const { api, id, before } = await withVehicle();
        expectProblem(await append(api, id, body, query), 400, 'BadRequestData');
        expect(await api.stored(id)).toEqual(before);
      },
    );
  });

  describe('Update Attributes (§5.6.2, PATCH /entities/{id}/attrs)', () => {
    it('replaces an existing attribute whole: members not given are gone (§5.5.8 example 2)', async () => {
      const { api, id, before } = await withVehicle({
        temperature: property(25, { unitCode: 'CEL', observedAt: '2022-03-14T01:59:26.535Z' }),
      });
      const response = await update(api, id, {
        temperature: property(100, { observedAt: '2022-03-14T13:00:00.000Z' }),
      });
      expect(response.status).toBe(204);
      const after = await api.stored(id);
      expect(after.temperature).toEqual({
        type: 'Property',
        value: 100,
        observedAt: '2022-03-14T13:00:00.000Z',
        createdAt: (before.temperature as Body).createdAt,
        modifiedAt: after.modifiedAt,
      });
      expect(after.speed).toEqual(before.speed);
    });

    it('appends attributes the entity does not have yet (v1.9.1 §5.6.2.4; ADR 0003)', async () => {
      const { api, id } = await withVehicle();
      expect((await update(api, id, { brand: property('VinFast') })).status).toBe(204);
      expect((await api.stored(id, {})).brand).toEqual(property('VinFast'));
    });

    it('deletes an attribute whose value is NGSI-LD Null (§5.5.8 example 3)', async () => {
      const { api, id } = await withVehicle({ brand: property('VinFast') });
      expect((await update(api, id, { brand: property(NGSI_LD_NULL) })).status).toBe(204);
      expect((await api.stored(id, {})).brand).toBeUndefined();
    });

    it('deletes an attribute given as a bare NGSI-LD Null (concise, §4.5.2.3)', async () => {
      const { api, id } = await withVehicle({ brand: property('VinFast') });
      expect((await update(api, id, { brand: NGSI_LD_NULL })).status).toBe(204);
      expect((await api.stored(id, {})).brand).toBeUndefined();
    });

    it('stores no member set to NGSI-LD Null in a replacing instance (§5.5.8)', async () => {
      const { api, id } = await withVehicle({ speed: property(80, { unitCode: 'KMH' }) });
      expect(
        (await update(api, id, { speed: property(90, { unitCode: NGSI_LD_NULL }) })).status,
      ).toBe(204);
      expect((await api.stored(id, {})).speed).toEqual(property(90));
    });

    it('answers 207 naming an NGSI-LD Null for an attribute that does not exist, and applies the rest (§6.6.3.2)', async () => {
      const { api, id } = await withVehicle();
      const response = await update(api, id, { ghost: NGSI_LD_NULL, speed: property(10) });
      expect(response.status).toBe(207);
      expect(response.body).toEqual({
        updated: ['speed'],
        notUpdated: [{ attributeName: 'ghost', reason: expect.any(String) }],
      });
      expect((await api.stored(id, {})).speed).toEqual(property(10));
    });

    it('targets only the instance with the same datasetId (§5.6.2.4)', async () => {
      const { api, id } = await withVehicle({
        speed: [property(80), property(79, { datasetId: GPS })],
      });
      expect((await update(api, id, { speed: property(60, { datasetId: GPS }) })).status).toBe(204);
      expect((await api.stored(id, {})).speed).toEqual([
        property(80),
        property(60, { datasetId: GPS }),
      ]);
      expect(
        (await update(api, id, { speed: property(NGSI_LD_NULL, { datasetId: GPS }) })).status,
      ).toBe(204);
      expect((await api.stored(id, {})).speed).toEqual(property(80));
    });

    it('replaces the scope only when the entity already has one (§5.6.2.4)', async () => {
      const { api, id } = await withVehicle();
      await update(api, id, { scope: '/Ignored' });
      expect((await api.stored(id, {})).scope).toBeUndefined();
      const scoped = await withVehicle({ scope: ['/A', '/B'] });
      await update(scoped.api, scoped.id, { scope: '/C' });
      expect((await scoped.api.stored(scoped.id, {})).scope).toBe('/C');
    });

    it('returns 404 ResourceNotFound for an unknown entity (§5.6.2.4)', async () => {
      const { api } = await withVehicle();
      expectProblem(
        await update(api, 'urn:ngsi-ld:Vehicle:nobody', { speed: property(1) }),
        404,
        'ResourceNotFound',
      );
    });

    it('returns 400 and changes nothing when one attribute of several is invalid (§5.5.4)', async () => {
      const { api, id, before } = await withVehicle();
      const response = await update(api, id, {
        speed: property(1),
        owner: relationship('not a uri'),
      });
      expectProblem(response, 400, 'BadRequestData');
      expect(await api.stored(id)).toEqual(before);
    });

    it('returns 400 when the entity id in the path is not a URI (§5.6.2.4)', async () => {
      const { api } = await withVehicle();
      expectProblem(
        await api.send('PATCH', '/ngsi-ld/v1/entities/nope/attrs', { speed: property(1) }),
        400,
        'BadRequestData',
      );
    });
  });

  describe('Partial Attribute update (§5.6.4, PATCH /entities/{id}/attrs/{attrId})', () => {
    const patch = (
      api: Client,
      id: string,
      attr: string,
      body: unknown,
      query?: Record<string, string>,
    ) => api.send('PATCH', attrUrl(id, attr), body, query ? { query } : {});

    it('overwrites only the members given and keeps the others (§5.5.8 example 1)', async () => {
      const { api, id } = await withVehicle({
        temperature: property(25, { unitCode: 'CEL', observedAt: '2022-03-14T01:59:26.535Z' }),
      });
      const response = await patch(
        api,
        id,
        'temperature',
        property(100, { observedAt: '2022-03-14T13:00:00.000Z' }),
      );
      expect(response.status).toBe(204);
      expect((await api.stored(id, {})).temperature).toEqual(
        property(100, { unitCode: 'CEL', observedAt: '2022-03-14T13:00:00.000Z' }),
      );
    });

    it('accepts a concise fragment and keeps the attribute type (§4.5.2.3)', async () => {
      const { api, id } = await withVehicle({ speed: property(80, { unitCode: 'KMH' }) });
      expect((await patch(api, id, 'speed', { value: 42 })).status).toBe(204);
      expect((await api.stored(id, {})).speed).toEqual(property(42, { unitCode: 'KMH' }));
    });

    it('deletes a sub-attribute set to NGSI-LD Null (§5.6.4.1)', async () => {
      const { api, id } = await withVehicle({
        speed: property(80, { unitCode: 'KMH', accuracy: property(0.5) }),
      });
      expect(
        (await patch(api, id, 'speed', { accuracy: NGSI_LD_NULL, unitCode: NGSI_LD_NULL })).status,
      ).toBe(204);
      expect((await api.stored(id, {})).speed).toEqual(property(80));
    });

    it('patches metadata alone and keeps value and type, even of a Relationship (§5.6.4.1 Attribute Fragment)', async () => {
      const { api, id } = await withVehicle({ owner: relationship('urn:ngsi-ld:Person:1') });
      expect((await patch(api, id, 'owner', { observedAt: '2024-05-01T10:00:00Z' })).status).toBe(
        204,
      );
      expect((await patch(api, id, 'speed', { unitCode: 'KMH' })).status).toBe(204);
      const body = await api.stored(id, {});
      expect(body.owner).toEqual(
        relationship('urn:ngsi-ld:Person:1', { observedAt: '2024-05-01T10:00:00.000Z' }),
      );
      expect(body.speed).toEqual(property(80, { unitCode: 'KMH' }));
    });

    it('targets the instance with the datasetId given in the fragment (§5.6.4.4)', async () => {
      const { api, id } = await withVehicle({
        speed: [property(80), property(79, { datasetId: GPS })],
      });
      expect((await patch(api, id, 'speed', property(1, { datasetId: GPS }))).status).toBe(204);
      expect((await api.stored(id, {})).speed).toEqual([
        property(80),
        property(1, { datasetId: GPS }),
      ]);
    });

    it('returns 404 ResourceNotFound when the attribute or its datasetId instance does not exist (§5.6.4.4)', async () => {
      const { api, id, before } = await withVehicle();
      expectProblem(await patch(api, id, 'brand', property('x')), 404, 'ResourceNotFound');
      expectProblem(
        await patch(api, id, 'speed', property(1, { datasetId: RADAR })),
        404,
        'ResourceNotFound',
      );
      expect(await api.stored(id)).toEqual(before);
    });

    it('returns 404 ResourceNotFound when the entity does not exist (§5.6.4.4)', async () => {
      const { api } = await withVehicle();
      expectProblem(
        await patch(api, 'urn:ngsi-ld:Vehicle:nobody', 'speed', property(1)),
        404,
        'ResourceNotFound',
      );
    });

    it('returns 400 and changes nothing when the fragment changes the attribute type (§5.6.4.4)', async () => {
      const { api, id, before } = await withVehicle();
      expectProblem(
        await patch(api, id, 'speed', relationship('urn:ngsi-ld:Thing:1')),
        400,
        'BadRequestData',
      );
      expect(await api.stored(id)).toEqual(before);
    });

    it('returns 400 and changes nothing when the fragment would delete the whole attribute (§5.6.4.1)', async () => {
      const { api, id, before } = await withVehicle();
      expectProblem(await patch(api, id, 'speed', property(NGSI_LD_NULL)), 400, 'BadRequestData');
      expect(await api.stored(id)).toEqual(before);
    });

    it('returns 400 BadRequestData when the target attribute is scope (§5.6.4.4)', async () => {
      const { api, id, before } = await withVehicle({ scope: '/Hanoi' });
      expectProblem(await patch(api, id, 'scope', property('/Danang')), 400, 'BadRequestData');
      expect(await api.stored(id)).toEqual(before);
    });

    it('returns 400 when the attribute name is not valid (§5.6.4.4)', async () => {
      const { api, id } = await withVehicle();
      expectProblem(await patch(api, id, 'sp eed', property(1)), 400, 'BadRequestData');
    });
  });

  describe('Replace Attribute (§5.6.19, PUT /entities/{id}/attrs/{attrId})', () => {
    const replace = (api: Client, id: string, attr: string, body: unknown) =>
      api.send('PUT', attrUrl(id, attr), body);

    it('replaces the attribute whole, keeping createdAt (§5.6.19.4)', async () => {
      const { api, id, before } = await withVehicle({ speed: property(80, { unitCode: 'KMH' }) });
      expect((await replace(api, id, 'speed', property(50))).status).toBe(204);
      const speed = (await api.stored(id)).speed as Body;
      expect(speed.value).toBe(50);
      expect(speed.unitCode).toBeUndefined();
      expect(speed.createdAt).toBe((before.speed as Body).createdAt);
    });

    it('may change the attribute type (§5.6.19)', async () => {
      const { api, id } = await withVehicle({ owner: property('Alice') });
      expect(
        (await replace(api, id, 'owner', relationship('urn:ngsi-ld:Person:alice'))).status,
      ).toBe(204);
      expect((await api.stored(id, {})).owner).toEqual(relationship('urn:ngsi-ld:Person:alice'));
    });

    it('returns 404 ResourceNotFound when the attribute does not exist, and adds nothing (§5.6.19.4)', async () => {
      const { api, id, before } = await withVehicle();
      expectProblem(await replace(api, id, 'brand', property('x')), 404, 'ResourceNotFound');
      expect(await api.stored(id)).toEqual(before);
    });

    it('returns 400 and changes nothing when the body is not a valid attribute (§5.5.4)', async () => {
      const { api, id, before } = await withVehicle();
      expectProblem(
        await replace(api, id, 'speed', { type: 'Property', value: 1, observedAt: 'soon' }),
        400,
        'BadRequestData',
      );
      expect(await api.stored(id)).toEqual(before);
    });
  });

  describe('Delete Attribute (§5.6.5, DELETE /entities/{id}/attrs/{attrId})', () => {
    const remove = (api: Client, id: string, attr: string, query?: Record<string, string>) =>
      api.send('DELETE', attrUrl(id, attr), undefined, query ? { query } : {});
    const multi = {
      speed: [property(80), property(79, { datasetId: GPS }), property(78, { datasetId: RADAR })],
    };

    it('removes the default instance only, and updates the entity modifiedAt (§5.6.5.4)', async () => {
      const { api, id, before } = await withVehicle(multi);
      expect((await remove(api, id, 'speed')).status).toBe(204);
      const after = await api.stored(id);
      expect((after.speed as Body[]).map((instance) => instance.datasetId)).toEqual([GPS, RADAR]);
      expect(after.modifiedAt).not.toBe(before.modifiedAt);
    });

    it('removes the instance named by datasetId (§5.6.5.4)', async () => {
      const { api, id } = await withVehicle(multi);
      expect((await remove(api, id, 'speed', { datasetId: GPS })).status).toBe(204);
      expect((await api.stored(id, {})).speed).toEqual([
        property(80),
        property(78, { datasetId: RADAR }),
      ]);
    });

    it('removes every instance with deleteAll=true (§5.6.5.4)', async () => {
      const { api, id } = await withVehicle({ ...multi, brand: property('x') });
      expect((await remove(api, id, 'speed', { deleteAll: 'true' })).status).toBe(204);
      expect(await api.stored(id, {})).toEqual({ id, type: 'Vehicle', brand: property('x') });
    });

    it('returns 404 when the attribute, or the datasetId instance, does not exist (§5.6.5.4)', async () => {
      const { api, id, before } = await withVehicle();
      expectProblem(await remove(api, id, 'brand'), 404, 'ResourceNotFound');
      expectProblem(await remove(api, id, 'speed', { datasetId: GPS }), 404, 'ResourceNotFound');
      expect(await api.stored(id)).toEqual(before);
    });

    it('returns 404 when only datasetId instances exist and the default one is asked for (§5.6.5.4)', async () => {
      const { api, id } = await withVehicle({ speed: property(1, { datasetId: GPS }) });
      expectProblem(await remove(api, id, 'speed'), 404, 'ResourceNotFound');
    });

    it('returns 400 for a datasetId that is not a URI (§4.5.5)', async () => {
      const { api, id, before } = await withVehicle(multi);
      expectProblem(await remove(api, id, 'speed', { datasetId: 'gps' }), 400, 'BadRequestData');
      expect(await api.stored(id)).toEqual(before);
    });

    it('returns 400 for datasetId with deleteAll=true, or a deleteAll that is not a boolean', async () => {
      const { api, id, before } = await withVehicle(multi);
      expectProblem(
        await remove(api, id, 'speed', { datasetId: GPS, deleteAll: 'true' }),
        400,
        'BadRequestData',
      );
      expectProblem(await remove(api, id, 'speed', { deleteAll: 'yes' }), 400, 'BadRequestData');
      expect(await api.stored(id)).toEqual(before);
    });

    it('removes the scope of the entity when the target attribute is scope (v1.9.1 §5.6.5.4)', async () => {
      const { api, id } = await withVehicle({ scope: ['/Hanoi', '/Fleet'] });
      expect((await remove(api, id, 'scope')).status).toBe(204);
      const after = await api.stored(id, {});
      expect(after.scope).toBeUndefined();
      expect(after.speed).toEqual(property(80));
    });

    it('returns 404 for scope when the entity has none (§5.6.5.4)', async () => {
      const { api, id } = await withVehicle();
      expectProblem(await remove(api, id, 'scope'), 404, 'ResourceNotFound');
    });

    it('returns 404 for an unknown entity (§5.6.5.4)', async () => {
      const { api } = await withVehicle();
      expectProblem(
        await remove(api, 'urn:ngsi-ld:Vehicle:nobody', 'speed'),
        404,
        'ResourceNotFound',
      );
    });

    it('expands the attribute name with the request @context (§5.5.7)', async () => {
      const api = client(t);
      const id = urn();
      const context = { '@context': { speed: 'https://example.org/vocab/speed' } };
      await api.create(
        { ...entity(id, 'Vehicle', { speed: property(1) }), ...context },
        { 'content-type': 'application/ld+json' },
      );
      // Without the context, "speed" is another attribute (default-context/speed).
      expectProblem(await remove(api, id, 'speed'), 404, 'ResourceNotFound');
      const expanded = encodeURIComponent('https://example.org/vocab/speed');
      expect((await api.send('DELETE', entityUrl(id, `/attrs/${expanded}`))).status).toBe(204);
    });
  });
});
