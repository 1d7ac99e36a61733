import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBroker, type TestBroker } from '../../apps/broker/src/testing/test-broker.js';
import { testDrivers } from '../../apps/broker/src/testing/test-database.js';
import {
  NGSI_LD_NULL,
  client,
  expectProblem,
  property,
  relationship,
  urn,
  vehicle,
  type Body,
  type Client,
} from './builders.js';

/** The BatchOperationResult of a 207 answer (§5.2.16): success ids and errors by entity id. */
interface BatchResult {
  success: string[];
  errors: { entityId: string; error: Body }[];
}

describe.each(testDrivers())('Batch entity operations on %s', (driver) => {
  let t: TestBroker;
  beforeAll(async () => {
    t = await startTestBroker(driver);
  });
  afterAll(() => t.close());

  /** A tenant holding `count` vehicles; returns the client and their ids. */
  async function fleet(count: number): Promise<{ api: Client; ids: string[] }> {
    const api = client(t);
    const ids = Array.from({ length: count }, () => urn());
    await api.seed(...ids.map((id) => vehicle(id)));
    return { api, ids };
  }

  function errorOf(result: BatchResult, id: string): Body | undefined {
    return result.errors.find((item) => item.entityId === id)?.error;
  }

  describe.each(['create', 'upsert', 'update', 'delete', 'merge'])(
    'every batch operation: %s',
    (operation) => {
      it(`rejects an empty array with 400 BadRequestData (§5.6.7.4–§5.6.10.4)`, async () => {
        const { api } = await fleet(1);
        expectProblem(await api.batch(operation, []), 400, 'BadRequestData');
      });

      it('rejects an array holding null with 400, and applies none of its items (§5.6.7.4–§5.6.10.4)', async () => {
        const { api, ids } = await fleet(1);
        const item =
          operation === 'delete'
            ? ids[0]
            : vehicle(operation === 'create' ? urn() : ids[0]!, { speed: property(1) });
        expectProblem(await api.batch(operation, [item, null]), 400, 'BadRequestData');
        expect((await api.stored(ids[0]!, {})).speed).toEqual(property(80));
      });

      it('rejects a body that is not an array with 400', async () => {
        const { api, ids } = await fleet(1);
        expectProblem(await api.batch(operation, vehicle(ids[0]!)), 400, 'BadRequestData');
      });

      it('rejects more than 1000 items with 400, naming the limit (docs/errors.md)', async () => {
        const { api } = await fleet(1);
        const items = Array.from({ length: 1001 }, (_, i) =>
          operation === 'delete'
            ? `urn:ngsi-ld:Vehicle:x${i}`
            : vehicle(`urn:ngsi-ld:Vehicle:x${i}`),
        );
        const problem = expectProblem(await api.batch(operation, items), 400, 'BadRequestData');
        expect(problem.detail).toContain('1000');
      });
    },
  );

  describe('Batch Entity Creation (§5.6.7, POST /entityOperations/create)', () => {
    it('answers 201 with the ids created, in order (§6.14.3.1)', async () => {
      const { api } = await fleet(1);
      const ids = [urn(), urn()];
      const response = await api.batch(
        'create',
        ids.map((id) => vehicle(id)),
      );
      expect(response.status).toBe(201);
      expect(response.body).toEqual(ids);
      expect((await api.stored(ids[1]!, {})).speed).toEqual(property(80));
    });

    it('answers 207 with success and errors when some fail; a bad item does not stop the others (§5.6.7.4)', async () => {
      const { api, ids: existing } = await fleet(1);
      const fresh = urn();
      const response = await api.batch('create', [
        vehicle(existing[0]!),
        vehicle(fresh),
        { id: urn(), speed: property(1) },
      ]);
      expect(response.status).toBe(207);
      const result = response.body as BatchResult;
      expect(result.success).toEqual([fresh]);
      expect(result.errors).toHaveLength(2);
      expect(errorOf(result, existing[0]!)?.type).toMatch(/AlreadyExists$/);
      expect(
        result.errors.some((item) => (item.error.type as string).endsWith('BadRequestData')),
      ).toBe(true);
      expect((await api.retrieve(fresh)).status).toBe(200);
    });

    it('creates the first of two items with one id and reports the second as AlreadyExists (§5.5.11.1)', async () => {
      const { api } = await fleet(1);
      const id = urn();
      const response = await api.batch('create', [
        vehicle(id, { speed: property(1) }),
        vehicle(id, { speed: property(2) }),
      ]);
      expect(response.status).toBe(207);
      const result = response.body as BatchResult;
      expect(result.success).toEqual([id]);
      expect(errorOf(result, id)?.type).toMatch(/AlreadyExists$/);
      expect((await api.stored(id, {})).speed).toEqual(property(1));
    });

    it('creates the tenant on its first write (§4.14)', async () => {
      const api = client(t);
      const id = urn();
      expect((await api.batch('create', [vehicle(id)])).status).toBe(201);
      expect((await api.retrieve(id)).status).toBe(200);
    });

    it('gives every error a ProblemDetails with type, title, status and detail (§5.2.17)', async () => {
      const { api } = await fleet(1);
      const result = (await api.batch('create', [{ id: 'bad id', type: 'Vehicle' }]))
        .body as BatchResult;
      const error = result.errors[0]!.error;
      expect(error).toMatchObject({
        type: expect.stringMatching(/BadRequestData$/),
        title: expect.any(String),
        status: 400,
        detail: expect.any(String),
      });
    });
  });

  describe('Batch Entity Upsert (§5.6.8, POST /entityOperations/upsert)', () => {
    it('answers 201 with only the ids it created, and replaces the existing ones (§5.6.8.5)', async () => {
      const { api, ids } = await fleet(1);
      const fresh = urn();
      const response = await api.batch('upsert', [
        { id: ids[0], type: 'Vehicle', brand: property('VinFast') },
        vehicle(fresh),
      ]);
      expect(response.status).toBe(201);
      expect(response.body).toEqual([fresh]);
      expect(await api.stored(ids[0]!, {})).toEqual({
        id: ids[0],
        type: 'Vehicle',
        brand: property('VinFast'),
      });
    });

    it('answers 204 when every entity existed (§5.6.8.5)', async () => {
      const { api, ids } = await fleet(2);
      expect(
        (
          await api.batch(
            'upsert',
            ids.map((id) => vehicle(id, { speed: property(5) })),
          )
        ).status,
      ).toBe(204);
      expect((await api.stored(ids[1]!, {})).speed).toEqual(property(5));
    });

    it('keeps the attributes it does not mention with options=update (§5.6.8.4, §5.6.2)', async () => {
      const { api, ids } = await fleet(1);
      await api.send('POST', `/ngsi-ld/v1/entities/${encodeURIComponent(ids[0]!)}/attrs`, {
        brand: property('VinFast'),
      });
      const response = await api.batch(
        'upsert',
        [{ id: ids[0], type: 'Vehicle', speed: property(7) }],
        { options: 'update' },
      );
      expect(response.status).toBe(204);
      expect(await api.stored(ids[0]!, {})).toEqual({
        id: ids[0],
        type: 'Vehicle',
        speed: property(7),
        brand: property('VinFast'),
      });
    });

    it('deletes attributes set to NGSI-LD Null with options=update, and creates new entities without them (§5.6.8.4, §5.6.2)', async () => {
      const { api, ids } = await fleet(1);
      const fresh = urn();
      const response = await api.batch(
        'upsert',
        [
          { id: ids[0], type: 'Vehicle', speed: NGSI_LD_NULL, brand: property('A') },
          { id: fresh, type: 'Vehicle', speed: NGSI_LD_NULL, brand: property('B') },
        ],
        { options: 'update' },
      );
      expect(response.status).toBe(201);
      expect(await api.stored(ids[0]!, {})).toEqual({
        id: ids[0],
        type: 'Vehicle',
        brand: property('A'),
      });
      expect(await api.stored(fresh, {})).toEqual({
        id: fresh,
        type: 'Vehicle',
        brand: property('B'),
      });
    });

    it('rejects NGSI-LD Null in the default replace mode, where nothing is deleted (§5.6.18.4)', async () => {
      const { api, ids } = await fleet(1);
      const response = await api.batch('upsert', [
        { id: ids[0], type: 'Vehicle', speed: NGSI_LD_NULL },
      ]);
      expect(response.status).toBe(207);
      expect((await api.stored(ids[0]!, {})).speed).toEqual(property(80));
    });

    it('applies several items for one id in array order: create, then replace (§5.5.11.2)', async () => {
      const { api } = await fleet(1);
      const id = urn();
      const response = await api.batch('upsert', [
        vehicle(id, { speed: property(1), brand: property('A') }),
        { id, type: 'Vehicle', speed: property(2) },
      ]);
      expect(response.status).toBe(201);
      expect(response.body).toEqual([id]);
      expect(await api.stored(id, {})).toEqual({ id, type: 'Vehicle', speed: property(2) });
    });

    it('applies several items for one id in array order with options=update (§5.5.11.2)', async () => {
      const { api, ids } = await fleet(1);
      const response = await api.batch(
        'upsert',
        [
          { id: ids[0], type: 'Vehicle', brand: property('A') },
          { id: ids[0], type: 'Vehicle', brand: property('B'), speed: property(3) },
        ],
        { options: 'update' },
      );
      expect(response.status).toBe(204);
      expect(await api.stored(ids[0]!, {})).toEqual({
        id: ids[0],
        type: 'Vehicle',
        speed: property(3),
        brand: property('B'),
      });
    });

    it('survives concurrent upserts creating the same id: one creates, the others replace', async () => {
      const { api } = await fleet(1);
      const id = urn();
      const responses = await Promise.all(
        Array.from({ length: 5 }, (_, i) =>
          api.batch('upsert', [vehicle(id, { speed: property(i) })]),
        ),
      );
      const statuses = responses.map((response) => response.status).sort();
      expect(statuses.filter((status) => status === 201)).toHaveLength(1);
      expect(statuses.filter((status) => status === 204)).toHaveLength(4);
      expect((await api.retrieve(id)).status).toBe(200);
    });

    it('answers 207 listing created and updated ids, and errors (§5.6.8.5)', async () => {
      const { api, ids } = await fleet(1);
      const fresh = urn();
      const response = await api.batch('upsert', [
        vehicle(ids[0]!),
        vehicle(fresh),
        vehicle('not-a-uri'),
      ]);
      expect(response.status).toBe(207);
      const result = response.body as BatchResult;
      expect(result.success.sort()).toEqual([ids[0], fresh].sort());
      expect(result.errors).toHaveLength(1);
    });

    it('rejects options=update together with options=replace, and unknown options', async () => {
      const { api, ids } = await fleet(1);
      expectProblem(
        await api.batch('upsert', [vehicle(ids[0]!)], { options: 'update,replace' }),
        400,
        'BadRequestData',
      );
      expectProblem(
        await api.batch('upsert', [vehicle(ids[0]!)], { options: 'merge' }),
        400,
        'BadRequestData',
      );
    });
  });

  describe('Batch Entity Update (§5.6.9, POST /entityOperations/update)', () => {
    it('appends and overwrites attributes of existing entities and answers 204 (§5.6.9.4, §5.6.3)', async () => {
      const { api, ids } = await fleet(2);
      const response = await api.batch('update', [
        { id: ids[0], type: 'Vehicle', speed: property(1) },
        { id: ids[1], brand: property('VinFast') },
      ]);
      expect(response.status).toBe(204);
      expect((await api.stored(ids[0]!, {})).speed).toEqual(property(1));
      expect(await api.stored(ids[1]!, {})).toEqual({
        id: ids[1],
        type: 'Vehicle',
        speed: property(80),
        brand: property('VinFast'),
      });
    });

    it('leaves existing attributes alone with options=noOverwrite (§5.6.9.4)', async () => {
      const { api, ids } = await fleet(1);
      const response = await api.batch(
        'update',
        [{ id: ids[0], speed: property(1), brand: property('X') }],
        { options: 'noOverwrite' },
      );
      expect(response.status).toBe(204);
      expect(await api.stored(ids[0]!, {})).toEqual({
        id: ids[0],
        type: 'Vehicle',
        speed: property(80),
        brand: property('X'),
      });
    });

    it('answers 207 with ResourceNotFound for an entity that does not exist, and updates the others (§5.6.9.4)', async () => {
      const { api, ids } = await fleet(1);
      const missing = urn();
      const response = await api.batch('update', [
        { id: missing, speed: property(1) },
        { id: ids[0], speed: property(2) },
      ]);
      expect(response.status).toBe(207);
      const result = response.body as BatchResult;
      expect(result.success).toEqual([ids[0]]);
      expect(errorOf(result, missing)?.type).toMatch(/ResourceNotFound$/);
      expectProblem(await api.retrieve(missing), 404, 'ResourceNotFound');
    });

    it('reports an item without id as an error of its own (§5.6.9.4)', async () => {
      const { api, ids } = await fleet(1);
      const response = await api.batch('update', [
        { speed: property(1) },
        { id: ids[0], speed: property(2) },
      ]);
      expect(response.status).toBe(207);
      expect((response.body as BatchResult).success).toEqual([ids[0]]);
    });

    it('applies several items for one id in array order (§5.5.11.3)', async () => {
      const { api, ids } = await fleet(1);
      await api.batch('update', [
        { id: ids[0], speed: property(1), brand: property('A') },
        { id: ids[0], speed: property(2) },
      ]);
      const body = await api.stored(ids[0]!, {});
      expect(body.speed).toEqual(property(2));
      expect(body.brand).toEqual(property('A'));
    });
  });

  describe('Batch Entity Merge (§5.6.20, POST /entityOperations/merge)', () => {
    it('merges each entity (§5.5.12) and answers 204', async () => {
      const { api, ids } = await fleet(1);
      await api.send('POST', `/ngsi-ld/v1/entities/${encodeURIComponent(ids[0]!)}/attrs`, {
        address: property({ city: 'Hanoi', street: 'A' }),
        owner: relationship('urn:ngsi-ld:Person:1'),
      });
      const response = await api.batch('merge', [
        { id: ids[0], address: { value: { street: 'B' } }, owner: NGSI_LD_NULL, speed: 90 },
      ]);
      expect(response.status).toBe(204);
      expect(await api.stored(ids[0]!, {})).toEqual({
        id: ids[0],
        type: 'Vehicle',
        speed: property(90),
        address: property({ city: 'Hanoi', street: 'B' }),
      });
    });

    it('merges several items for one id in array order (§5.5.11.5)', async () => {
      const { api, ids } = await fleet(1);
      await api.batch('merge', [
        { id: ids[0], config: property({ a: 1 }) },
        { id: ids[0], config: property({ b: 2 }) },
      ]);
      expect((await api.stored(ids[0]!, {})).config).toEqual(property({ a: 1, b: 2 }));
    });

    it('answers 207 with ResourceNotFound for a missing entity and merges the others', async () => {
      const { api, ids } = await fleet(1);
      const missing = urn();
      const response = await api.batch('merge', [
        { id: missing, speed: 1 },
        { id: ids[0], speed: 2 },
      ]);
      expect(response.status).toBe(207);
      const result = response.body as BatchResult;
      expect(result.success).toEqual([ids[0]]);
      expect(errorOf(result, missing)?.type).toMatch(/ResourceNotFound$/);
    });
  });

  describe('application/ld+json batches (§6.3.5)', () => {
    it('expands every item with its own "@context"; an item without one is an error of its own', async () => {
      const { api } = await fleet(1);
      const [a, b, c] = [urn(), urn(), urn()];
      const response = await api.send(
        'POST',
        '/ngsi-ld/v1/entityOperations/create',
        [
          {
            id: a,
            type: 'Vehicle',
            speed: property(1),
            '@context': { speed: 'https://a.example/speed' },
          },
          {
            id: b,
            type: 'Vehicle',
            speed: property(2),
            '@context': { speed: 'https://b.example/speed' },
          },
          { id: c, type: 'Vehicle', speed: property(3) },
        ],
        { headers: { 'content-type': 'application/ld+json' } },
      );
      expect(response.status).toBe(207);
      const result = response.body as BatchResult;
      expect(result.success).toEqual([a, b]);
      expect(errorOf(result, c)?.type).toMatch(/BadRequestData$/);
      expect((await api.stored(a, {}))['https://a.example/speed']).toEqual(property(1));
      expect((await api.stored(b, {}))['https://b.example/speed']).toEqual(property(2));
      expectProblem(await api.retrieve(c), 404, 'ResourceNotFound');
    });
  });

  describe('system attributes in batches (§4.8)', () => {
    it('keeps createdAt of an entity an upsert replaces', async () => {
      const { api, ids } = await fleet(1);
      const before = await api.stored(ids[0]!);
      await new Promise((resolve) => setTimeout(resolve, 5));
      expect((await api.batch('upsert', [vehicle(ids[0]!, { speed: property(9) })])).status).toBe(
        204,
      );
      const after = await api.stored(ids[0]!);
      expect(after.createdAt).toBe(before.createdAt);
      expect(after.modifiedAt).not.toBe(before.modifiedAt);
    });
  });

  describe('Batch Entity Delete (§5.6.10, POST /entityOperations/delete)', () => {
    it('deletes every entity and answers 204', async () => {
      const { api, ids } = await fleet(2);
      expect((await api.batch('delete', ids)).status).toBe(204);
      expectProblem(await api.retrieve(ids[0]!), 404, 'ResourceNotFound');
      expectProblem(await api.retrieve(ids[1]!), 404, 'ResourceNotFound');
    });

    it('answers 207 with ResourceNotFound for unknown ids and ids that are not URIs, and deletes the others', async () => {
      const { api, ids } = await fleet(2);
      const missing = urn();
      const response = await api.batch('delete', [ids[0], missing, 'not a uri', 42]);
      expect(response.status).toBe(207);
      const result = response.body as BatchResult;
      expect(result.success).toEqual([ids[0]]);
      expect(result.errors).toHaveLength(3);
      expect(errorOf(result, missing)?.type).toMatch(/ResourceNotFound$/);
      expect((await api.retrieve(ids[1]!)).status).toBe(200);
    });

    it('deletes on the first occurrence of an id and reports later ones as not found (§5.5.11.4)', async () => {
      const { api, ids } = await fleet(1);
      const response = await api.batch('delete', [ids[0], ids[0]]);
      expect(response.status).toBe(207);
      const result = response.body as BatchResult;
      expect(result.success).toEqual([ids[0]]);
      expect(result.errors).toEqual([
        { entityId: ids[0], error: expect.objectContaining({ status: 404 }) },
      ]);
    });
  });
});
