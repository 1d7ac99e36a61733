import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schemaNameFor } from '../../apps/broker/src/tenants/tenant-name.js';
import { startTestBroker, type TestBroker } from '../../apps/broker/src/testing/test-broker.js';
import { testDrivers } from '../../apps/broker/src/testing/test-database.js';
import {
  BATCH,
  ENTITIES,
  client,
  entityUrl,
  expectProblem,
  property,
  urn,
  vehicle,
  type Body,
  type Client,
} from './builders.js';

const BODY_LIMIT = 4096;

describe.each(testDrivers())(
  'Errors as ProblemDetails (§5.5.2, §6.3.2, RFC 7807) on %s',
  (driver) => {
    let t: TestBroker;
    let api: Client;
    let id: string;
    let before: Body;
    beforeAll(async () => {
      t = await startTestBroker(driver, { LEGOCITY_BROKER_BODY_LIMIT: String(BODY_LIMIT) });
      api = client(t);
      id = urn();
      await api.seed(vehicle(id));
      before = await api.stored(id);
    });
    afterAll(() => t.close());

    /** Every rejected request in this file must leave the entity as it was. */
    async function expectUnchanged(): Promise<void> {
      expect(await api.stored(id)).toEqual(before);
    }

    describe('request bodies', () => {
      it('answers 400 InvalidRequest to malformed JSON, and changes nothing (§6.3.2)', async () => {
        const problem = expectProblem(
          await api.send('PATCH', entityUrl(id, '/attrs'), undefined, {
            payload: '{"speed": {"type": "Property", "value": 1',
            headers: { 'content-type': 'application/json' },
          }),
          400,
          'InvalidRequest',
        );
        expect(problem.detail).toMatch(/JSON/);
        await expectUnchanged();
      });

      it('answers 400 InvalidRequest to an empty body declared as JSON', async () => {
        expectProblem(
          await api.send('POST', ENTITIES, undefined, {
            payload: '',
            headers: { 'content-type': 'application/json' },
          }),
          400,
          'InvalidRequest',
        );
      });

      it('answers 400 BadRequestData to a write without a body', async () => {
        expectProblem(
          await api.send('PATCH', entityUrl(id, '/attrs'), undefined, {
            headers: { 'content-length': '0' },
          }),
          400,
          'BadRequestData',
        );
        await expectUnchanged();
      });

      it.each(['text/plain', 'application/xml', 'application/x-www-form-urlencoded'])(
        'answers 415 UnsupportedMediaType to a %s body, and changes nothing',
        async (contentType) => {
          const response = await api.send('PATCH', entityUrl(id, '/attrs'), undefined, {
            payload: '{"speed": 1}',
            headers: { 'content-type': contentType },
          });
          expectProblem(response, 415, 'UnsupportedMediaType');
          await expectUnchanged();
        },
      );

      it('answers 413 PayloadTooLarge to a body above the limit, and changes nothing', async () => {
        const big = { speed: property('x'.repeat(BODY_LIMIT)) };
        expectProblem(
          await api.send('PATCH', entityUrl(id, '/attrs'), big),
          413,
          'PayloadTooLarge',
        );
        await expectUnchanged();
      });

      it('answers 411 LengthRequired to a write with neither Content-Length nor chunked encoding', async () => {
        const response = await t.broker.app.inject({
          method: 'POST',
          url: ENTITIES,
          headers: { 'ngsild-tenant': api.tenant, authorization: `Bearer ${t.adminKey}` },
        });
        expect(response.statusCode).toBe(411);
        expect(response.json()).toMatchObject({
          type: expect.stringMatching(/LengthRequired$/),
          status: 411,
        });
      });

      it('accepts a chunked body without Content-Length', async () => {
        const other = urn();
        const response = await t.broker.app.inject({
          method: 'POST',
          url: ENTITIES,
          headers: {
            'ngsild-tenant': api.tenant,
            authorization: `Bearer ${t.adminKey}`,
            'content-type': 'application/json',
            'transfer-encoding': 'chunked',
          },
          payload: JSON.stringify(vehicle(other)),
        });
        expect(response.statusCode).toBe(201);
      });
    });

    describe('resources and methods', () => {
      it('answers 404 ResourceNotFound as ProblemDetails for an unknown path', async () => {
        const problem = expectProblem(
          await api.get('/ngsi-ld/v1/entitiez'),
          404,
          'ResourceNotFound',
        );
        expect(problem.detail).toContain('/ngsi-ld/v1/entitiez');
      });

      it.each([
        ['PUT', ENTITIES, 'GET, POST'],
        ['DELETE', '/ngsi-ld/v1/types', 'GET'],
        ['GET', `${BATCH}/upsert`, 'POST'],
        ['POST', '/ngsi-ld/v1/entities/urn:ngsi-ld:Vehicle:1', 'DELETE, GET, PATCH, PUT'],
      ])(
        'answers 405 MethodNotAllowed to %s %s, with an Allow header naming %s',
        async (method, url, allowed) => {
          const response = await api.send(
            method,
            url,
            method === 'GET' || method === 'DELETE' ? undefined : {},
          );
          expectProblem(response, 405, 'MethodNotAllowed');
          const allow = String(response.headers.allow).split(/,\s*/).sort().join(', ');
          expect(allow).toBe(allowed);
        },
      );

      it('answers 406 NotAcceptable when Accept admits nothing the resource offers (§6.3.4)', async () => {
        expectProblem(
          await api.retrieve(id, undefined, { accept: 'application/xml' }),
          406,
          'NotAcceptable',
        );
        expectProblem(
          await api.get('/ngsi-ld/v1/types', undefined, { accept: 'application/geo+json' }),
          406,
          'NotAcceptable',
        );
      });
    });

    describe('the shape of every error', () => {
      it('has type, title, status and detail, field naming what is at fault, and problems when there are several', async () => {
        const response = await api.create({
          type: 'Vehicle',
          speed: property(1, { observedAt: 'x' }),
        });
        const problem = expectProblem(response, 400, 'BadRequestData');
        expect(problem.type).toBe('https://uri.etsi.org/ngsi-ld/errors/BadRequestData');
        expect(problem.field).toBe('id');
        expect(problem.problems).toEqual([
          { field: 'id', message: 'is required' },
          { field: 'speed.observedAt', message: expect.stringContaining('ISO 8601') },
        ]);
      });

      it('names the entity in ResourceNotFound details (STYLE.md habit 5)', async () => {
        const problem = expectProblem(
          await api.retrieve('urn:ngsi-ld:Vehicle:ghost'),
          404,
          'ResourceNotFound',
        );
        expect(problem.detail).toBe('Entity urn:ngsi-ld:Vehicle:ghost does not exist');
      });

      it('uses the https://legocity.dev/errors/ namespace for HTTP-level errors (docs/errors.md)', async () => {
        const response = await api.send('PUT', ENTITIES, {});
        expect((response.body as Body).type).toBe('https://legocity.dev/errors/MethodNotAllowed');
      });

      it('carries an X-Correlation-Id on every answer, echoing a valid one from the client', async () => {
        const mine = await api.retrieve(id, undefined, { 'x-correlation-id': 'trace-42.a:b' });
        expect(mine.headers['x-correlation-id']).toBe('trace-42.a:b');
        const invalid = await api.retrieve(id, undefined, {
          'x-correlation-id': 'bad id with spaces',
        });
        expect(invalid.headers['x-correlation-id']).toMatch(/^[0-9a-f-]{36}$/);
        const error = await api.retrieve('urn:ngsi-ld:Vehicle:ghost');
        expect(error.headers['x-correlation-id']).toBeDefined();
      });
    });

    describe('internal errors', () => {
      it('answers 500 InternalError naming only the correlation id, never the cause', async () => {
        const broken = client(t);
        await broken.seed(vehicle(urn()));
        // Break the tenant's storage behind the broker's back.
        const schema = schemaNameFor(broken.tenant);
        await t.broker.db.query(`drop table "${schema}".entity cascade`);
        try {
          const response = await broken.query(
            { type: 'Vehicle' },
            { 'x-correlation-id': 'incident-7' },
          );
          const problem = expectProblem(response, 500, 'InternalError');
          expect(response.headers['x-correlation-id']).toBe('incident-7');
          expect(problem.detail).toContain('incident-7');
          expect(problem.correlationId).toBe('incident-7');
          expect(response.text).not.toMatch(
            /\brelation\b|does not exist|\bselect\b|tenant_|\bstack\b|\.ts:\d/i,
          );
        } finally {
          // Other test files share the PostgreSQL scratch database: leave no broken tenant behind.
          await t.broker.db.query(`drop schema "${schema}" cascade`);
          await t.broker.db.query('delete from legocity.tenant where name = $1', [broken.tenant]);
        }
      });
    });

    describe('bad input stores nothing', () => {
      it.each([
        [
          'an append with one invalid attribute',
          'POST',
          '/attrs',
          { brand: property('x'), bad: { type: 'Nope' } },
        ],
        [
          'an update with a relationship to a non-URI',
          'PATCH',
          '/attrs',
          { owner: { type: 'Relationship', object: 'x y' } },
        ],
        [
          'a merge whose body names another entity',
          'PATCH',
          '',
          { id: 'urn:ngsi-ld:Vehicle:other', speed: 5 },
        ],
        ['a replace without type', 'PUT', '', { speed: property(5) }],
        [
          'a partial update of an unknown datasetId',
          'PATCH',
          '/attrs/speed',
          property(5, { datasetId: 'urn:ngsi-ld:Dataset:none' }),
        ],
        ['a replace of a missing attribute', 'PUT', '/attrs/brand', property('x')],
        ['a delete with an unknown parameter', 'DELETE', '/attrs/speed?force=true', undefined],
        [
          'an update with an unknown parameter',
          'PATCH',
          '/attrs?options=noOverwrite',
          { speed: property(5) },
        ],
      ])('%s leaves the entity unchanged', async (_case, method, suffix, body) => {
        const response = await api.send(method, `${entityUrl(id)}${suffix}`, body);
        expect(response.status).toBeGreaterThanOrEqual(400);
        expect(response.status).toBeLessThan(500);
        await expectUnchanged();
      });
    });
  },
);
