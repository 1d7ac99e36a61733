import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '@legocity/observability';
import { createBroker } from '../../apps/broker/src/broker.js';
import { readBrokerConfig } from '../../apps/broker/src/config.js';
import { startTestBroker, type TestBroker } from '../../apps/broker/src/testing/test-broker.js';
import { testDrivers } from '../../apps/broker/src/testing/test-database.js';
import {
  BATCH,
  CONTEXTS,
  client,
  entity,
  expectProblem,
  linkTo,
  linkedContext,
  property,
  urn,
  type Body,
  type Client,
} from './builders.js';

const EX = 'https://example.org/vocab#';
const LD_JSON = { 'content-type': 'application/ld+json' };

/**
 * A small web server standing in for a remote @context host. Each path counts its hits; the
 * document at /city.jsonld can be changed between requests.
 */
class ContextHost {
  readonly hits = new Map<string, number>();
  document: unknown = { '@context': { speed: `${EX}speed`, Bus: `${EX}Bus` } };
  failing = false;
  private server: Server | undefined;
  private port = 0;

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      const path = request.url ?? '';
      this.hits.set(path, (this.hits.get(path) ?? 0) + 1);
      if (this.failing) return void response.writeHead(500).end();
      if (path === '/slow.jsonld') {
        setTimeout(
          () =>
            response
              .writeHead(200, { 'content-type': 'application/ld+json' })
              .end('{"@context":{}}'),
          3_000,
        );
        return;
      }
      if (path === '/not-json.jsonld')
        return void response.writeHead(200, { 'content-type': 'text/plain' }).end('hello');
      if (path === '/invalid.jsonld')
        return void response.writeHead(200).end(JSON.stringify({ '@context': { speed: 42 } }));
      if (path.startsWith('/city')) {
        return void response
          .writeHead(200, { 'content-type': 'application/ld+json' })
          .end(JSON.stringify(this.document));
      }
      response.writeHead(404).end();
    });
    const server = this.server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.port = (server.address() as AddressInfo).port;
  }

  url(path: string): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise((resolve) => this.server?.close(resolve));
  }
}

/** A URL where nothing listens. */
async function deadUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}/gone.jsonld`;
}

describe.each(testDrivers())('JSON-LD @contexts on %s', (driver) => {
  let t: TestBroker;
  const host = new ContextHost();
  beforeAll(async () => {
    await host.start();
    t = await startTestBroker(driver, { LEGOCITY_BROKER_CONTEXT_TIMEOUT: '500ms' });
  });
  afterAll(async () => {
    await t.close();
    await host.stop();
  });

  /** Host a context document in the broker (§5.13.2); returns its URL and local id. */
  async function hostContext(
    api: Client,
    context: Body,
  ): Promise<{ url: string; localId: string }> {
    const response = await api.send('POST', CONTEXTS, { '@context': context });
    expect(response.status, response.text).toBe(201);
    const details = (await api.get(String(response.headers.location), { details: 'true' }))
      .body as Body;
    return { url: details.URL as string, localId: details.localId as string };
  }

  describe('the @context of a request (§5.5.7, §6.3.5)', () => {
    it('expands names with the Link header @context on write and compacts them with it on read', async () => {
      const api = client(t);
      const { url } = await hostContext(api, { speed: `${EX}speed`, Bus: `${EX}Bus` });
      const id = urn('Bus');
      expect(
        (await api.create(entity(id, 'Bus', { speed: property(1) }), linkTo(url))).status,
      ).toBe(201);
      expect(await api.stored(id, {})).toEqual({
        id,
        type: `${EX}Bus`,
        [`${EX}speed`]: property(1),
      });
      const compacted = await api.retrieve(id, undefined, linkTo(url));
      expect(compacted.body).toEqual({ id, type: 'Bus', speed: property(1) });
      expect(linkedContext(compacted)).toBe(url);
    });

    it('takes the @context from an application/ld+json body', async () => {
      const api = client(t);
      const { url } = await hostContext(api, { speed: `${EX}speed` });
      const id = urn();
      const body = {
        ...entity(id, 'Vehicle', { speed: property(2) }),
        '@context': { speed: `${EX}speed` },
      };
      expect((await api.create(body, LD_JSON)).status).toBe(201);
      expect(((await api.retrieve(id, undefined, linkTo(url))).body as Body).speed).toEqual(
        property(2),
      );
    });

    it('answers application/ld+json with the request @context in the body (§6.3.5)', async () => {
      const api = client(t);
      const { url } = await hostContext(api, { speed: `${EX}speed` });
      const id = urn();
      await api.create(entity(id, 'Vehicle', { speed: property(2) }), linkTo(url));
      const response = await api.retrieve(id, undefined, {
        ...linkTo(url),
        accept: 'application/ld+json',
      });
      expect((response.body as Body)['@context']).toEqual(url);
      expect((response.body as Body).speed).toEqual(property(2));
    });

    it.each([
      [
        'a Link header together with an application/ld+json body',
        {
          ...LD_JSON,
          link: `<https://example.org/c.jsonld>; rel="http://www.w3.org/ns/json-ld#context"`,
        },
        true,
      ],
      ['"@context" in an application/json body', {}, true],
      ['an application/ld+json body without "@context"', LD_JSON, false],
    ])('rejects %s with 400 and stores nothing (§6.3.5)', async (_case, headers, withContext) => {
      const api = client(t);
      await api.seed(entity(urn(), 'Vehicle'));
      const id = urn();
      const body = {
        ...entity(id, 'Vehicle'),
        ...(withContext ? { '@context': { speed: `${EX}speed` } } : {}),
      };
      expectProblem(await api.create(body, headers), 400, 'BadRequestData');
      expectProblem(await api.retrieve(id), 404, 'ResourceNotFound');
    });

    it.each([
      [
        'a link without angle brackets',
        'https://example.org/c.jsonld; rel="http://www.w3.org/ns/json-ld#context"',
      ],
      [
        'two @context links',
        '<https://a.org/1>; rel="http://www.w3.org/ns/json-ld#context", <https://a.org/2>; rel="http://www.w3.org/ns/json-ld#context"',
      ],
      ['a relative URL', '<ctx.jsonld>; rel="http://www.w3.org/ns/json-ld#context"'],
    ])('rejects a Link header with %s (§6.3.5)', async (_case, link) => {
      const api = client(t);
      expectProblem(await api.create(entity(urn(), 'Vehicle'), { link }), 400, 'BadRequestData');
    });

    it('ignores Link headers of other relations', async () => {
      const api = client(t);
      const response = await api.create(entity(urn(), 'Vehicle'), {
        link: '<https://example.org/next>; rel="next"',
      });
      expect(response.status).toBe(201);
    });

    it('serves an inline @context it was sent as an ImplicitlyCreated one, named by the Link header (§5.13.1)', async () => {
      const api = client(t);
      const id = urn('Bus');
      await api.create({ ...entity(id, 'Bus'), '@context': { Bus: `${EX}Bus` } }, LD_JSON);
      const response = await api.send(
        'POST',
        `${BATCH}/query`,
        { type: 'Query', entities: [{ type: 'Bus' }], '@context': { Bus: `${EX}Bus` } },
        { headers: { ...LD_JSON, accept: 'application/json' } },
      );
      expect((response.body as Body[]).map((item) => item.type)).toEqual(['Bus']);
      const url = linkedContext(response)!;
      expect(url).toContain('/ngsi-ld/v1/jsonldContexts/');
      const served = await api.get(new URL(url).pathname);
      expect(served.body).toEqual({ '@context': { Bus: `${EX}Bus` } });
      expect(((await api.get(new URL(url).pathname, { details: 'true' })).body as Body).kind).toBe(
        'ImplicitlyCreated',
      );
    });
  });

  describe('hosted @contexts (§5.13.2–§5.13.5, /jsonldContexts)', () => {
    it('adds a context: 201 with a Location that serves it back as application/ld+json (§5.13.2, §5.13.4)', async () => {
      const api = client(t);
      const document = { '@context': { Tram: `${EX}Tram` } };
      const created = await api.send('POST', CONTEXTS, document);
      expect(created.status).toBe(201);
      const served = await api.get(String(created.headers.location));
      expect(served.status).toBe(200);
      expect(String(served.headers['content-type'])).toMatch(/^application\/ld\+json/);
      expect(served.body).toEqual(document);
    });

    it('lists hosted contexts by URL, with metadata when details=true, filtered by kind (§5.13.3)', async () => {
      const api = client(t);
      const { url, localId } = await hostContext(api, { Tram: `${EX}Tram2` });
      expect((await api.get(CONTEXTS)).body).toContain(url);
      const details = (await api.get(CONTEXTS, { details: 'true', kind: 'Hosted' })).body as Body[];
      expect(details).toContainEqual(
        expect.objectContaining({
          URL: url,
          localId,
          kind: 'Hosted',
          createdAt: expect.any(String),
        }),
      );
      expect(details.every((item) => item.kind === 'Hosted')).toBe(true);
      expectProblem(await api.get(CONTEXTS, { kind: 'Remote' }), 400, 'BadRequestData');
    });

    it('makes a hosted context usable by its URL in a Link header', async () => {
      const api = client(t);
      const { url } = await hostContext(api, { Tram: `${EX}Tram` });
      const id = urn('Tram');
      await api.create(entity(id, 'Tram'), linkTo(url));
      expect((await api.stored(id, {})).type).toBe(`${EX}Tram`);
    });

    it('deletes a hosted context: 204, then 404, and its URL no longer resolves (§5.13.5)', async () => {
      const api = client(t);
      const { url, localId } = await hostContext(api, { Tram: `${EX}Tram` });
      expect((await api.send('DELETE', `${CONTEXTS}/${localId}`)).status).toBe(204);
      expectProblem(await api.get(`${CONTEXTS}/${localId}`), 404, 'ResourceNotFound');
      expectProblem(await api.send('DELETE', `${CONTEXTS}/${localId}`), 404, 'ResourceNotFound');
      expectProblem(
        await api.create(entity(urn(), 'Tram'), linkTo(url)),
        503,
        'LdContextNotAvailable',
      );
    });

    it('answers 404 for an unknown context and 400 for reload of a hosted one (§5.13.4, §5.13.5)', async () => {
      const api = client(t);
      const { localId } = await hostContext(api, { Tram: `${EX}Tram` });
      expectProblem(await api.get(`${CONTEXTS}/no-such-context`), 404, 'ResourceNotFound');
      expectProblem(
        await api.send('DELETE', `${CONTEXTS}/${localId}`, undefined, {
          query: { reload: 'true' },
        }),
        400,
        'BadRequestData',
      );
    });

    it.each([
      ['a body without "@context"', { Tram: `${EX}Tram` }],
      ['an array', [{ '@context': {} }]],
      ['a term defined as a number', { '@context': { Tram: 42 } }],
    ])('rejects %s with 400 and hosts nothing (§5.13.2)', async (_case, body) => {
      const api = client(t);
      const before = ((await api.get(CONTEXTS)).body as string[]).length;
      const response = await api.send('POST', CONTEXTS, body);
      expect(response.status).toBe(400);
      expect(((await api.get(CONTEXTS)).body as string[]).length).toBe(before);
    });
  });

  describe('remote @contexts (§5.5.7, §5.13.1 Cached)', () => {
    it('downloads a remote context once, keeps it as Cached, and refuses to serve its content (§5.13.4)', async () => {
      const api = client(t);
      const url = host.url('/city-once.jsonld');
      const a = urn('Bus');
      const b = urn('Bus');
      await api.create(entity(a, 'Bus', { speed: property(1) }), linkTo(url));
      await api.create(entity(b, 'Bus', { speed: property(2) }), linkTo(url));
      expect((await api.retrieve(a, undefined, linkTo(url))).body).toEqual({
        id: a,
        type: 'Bus',
        speed: property(1),
      });
      expect(host.hits.get('/city-once.jsonld')).toBe(1);
      const cached = (
        (await api.get(CONTEXTS, { details: 'true', kind: 'Cached' })).body as Body[]
      ).find((c) => c.URL === url);
      expect(cached).toMatchObject({ kind: 'Cached', localId: expect.any(String) });
      expectProblem(
        await api.get(`${CONTEXTS}/${cached!.localId as string}`),
        422,
        'OperationNotSupported',
      );
      const byUrl = await api.get(`${CONTEXTS}/${encodeURIComponent(url)}`, { details: 'true' });
      expect((byUrl.body as Body).localId).toBe(cached!.localId);
    });

    it('persists a downloaded context: a restarted broker needs no network for it', async () => {
      const api = client(t);
      const url = host.url('/city-persisted.jsonld');
      const id = urn('Bus');
      await api.create(entity(id, 'Bus', { speed: property(3) }), linkTo(url));
      host.failing = true;
      try {
        const loaded = readBrokerConfig({ LEGOCITY_BROKER_LOG_LEVEL: 'error' });
        if (!loaded.ok) throw new Error('config');
        const logger = createLogger({
          component: 'broker',
          version: 'test',
          commit: 'test',
          level: 'silent',
        });
        const restarted = await createBroker(loaded.value, logger, { db: t.broker.db });
        try {
          const response = await restarted.app.inject({
            method: 'GET',
            url: `/ngsi-ld/v1/entities/${encodeURIComponent(id)}`,
            headers: {
              'ngsild-tenant': api.tenant,
              authorization: `Bearer ${t.adminKey}`,
              ...linkTo(url),
            },
          });
          expect(response.statusCode, response.body).toBe(200);
          expect(response.json()).toEqual({ id, type: 'Bus', speed: property(3) });
        } finally {
          await restarted.close();
        }
      } finally {
        host.failing = false;
      }
      expect(host.hits.get('/city-persisted.jsonld')).toBe(1);
    });

    it.each([
      ['the server is down', () => deadUrl()],
      ['the server is slower than the timeout', () => Promise.resolve(host.url('/slow.jsonld'))],
      ['the server answers 404', () => Promise.resolve(host.url('/missing.jsonld'))],
      ['the document is not JSON', () => Promise.resolve(host.url('/not-json.jsonld'))],
    ])(
      'answers 503 LdContextNotAvailable naming the URL when %s, and stores nothing (§5.5.2)',
      async (_case, urlOf) => {
        const api = client(t);
        await api.seed(entity(urn(), 'Vehicle'));
        const url = await urlOf();
        const id = urn();
        const started = Date.now();
        const problem = expectProblem(
          await api.create(entity(id, 'Bus'), linkTo(url)),
          503,
          'LdContextNotAvailable',
        );
        expect(Date.now() - started).toBeLessThan(2_500);
        expect(problem.detail).toContain(url);
        expectProblem(await api.retrieve(id), 404, 'ResourceNotFound');
      },
    );

    it('answers 400 for a remote document that is not a valid @context, and stores nothing', async () => {
      const api = client(t);
      await api.seed(entity(urn(), 'Vehicle'));
      const id = urn();
      const response = await api.create(entity(id, 'Bus'), linkTo(host.url('/invalid.jsonld')));
      expect(response.status).toBe(400);
      expectProblem(await api.retrieve(id), 404, 'ResourceNotFound');
    });

    it('reloads a Cached context: later requests use the new definitions (§5.13.5)', async () => {
      const api = client(t);
      const url = host.url('/city-reload.jsonld');
      const id = urn('Bus');
      await api.create(entity(id, 'Bus', { speed: property(4) }), linkTo(url));
      host.document = { '@context': { speed: `${EX}velocity`, Bus: `${EX}Bus` } };
      try {
        const reload = await api.send(
          'DELETE',
          `${CONTEXTS}/${encodeURIComponent(url)}`,
          undefined,
          { query: { reload: 'true' } },
        );
        expect(reload.status, reload.text).toBe(204);
        expect(host.hits.get('/city-reload.jsonld')).toBe(2);
        const body = (await api.retrieve(id, undefined, linkTo(url))).body as Body;
        expect(body[`${EX}speed`]).toEqual(property(4));
        expect(body.speed).toBeUndefined();
      } finally {
        host.document = { '@context': { speed: `${EX}speed`, Bus: `${EX}Bus` } };
      }
    });

    it('keeps the old context when a reload cannot download a valid one (§5.13.5.4)', async () => {
      const api = client(t);
      const url = host.url('/city-keep.jsonld');
      const id = urn('Bus');
      await api.create(entity(id, 'Bus', { speed: property(5) }), linkTo(url));
      const reload = () =>
        api.send('DELETE', `${CONTEXTS}/${encodeURIComponent(url)}`, undefined, {
          query: { reload: 'true' },
        });
      host.failing = true;
      try {
        expectProblem(await reload(), 503, 'LdContextNotAvailable');
      } finally {
        host.failing = false;
      }
      host.document = { '@context': { speed: 42 } };
      try {
        expectProblem(await reload(), 503, 'LdContextNotAvailable');
      } finally {
        host.document = { '@context': { speed: `${EX}speed`, Bus: `${EX}Bus` } };
      }
      expect((await api.retrieve(id, undefined, linkTo(url))).body).toEqual({
        id,
        type: 'Bus',
        speed: property(5),
      });
    });
  });
});
