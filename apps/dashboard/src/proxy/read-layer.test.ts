import { BrokerError, type BrokerClient } from '@legocity/broker-client';
import { describe, expect, it } from 'vitest';
import { fakeBroker, pointFeature, testLayer } from './fake-broker.test-support.js';
import { createRateLimiter } from './rate-limit.js';
import { createReadProxy } from './read-layer.js';

const features = Array.from({ length: 25 }, (_, n) =>
  pointFeature(n, 105.5, 21.5, `2024-05-01T10:${String(n).padStart(2, '0')}:00.000Z`),
);

function proxyWith(options: Partial<Parameters<typeof createReadProxy>[0]> = {}) {
  const broker = fakeBroker(features);
  const proxy = createReadProxy({
    findLayer: (id) => (id === 'sensors' ? testLayer() : undefined),
    fetch: { clientFor: broker.clientFor },
    pageFeatures: 10,
    ...options,
  });
  return { proxy, broker };
}

describe('createReadProxy().readLayer', () => {
  it('answers GeoJSON pages that name the next one', async () => {
    const { proxy } = proxyWith();
    const first = await proxy.readLayer({ layerId: 'sensors', parameters: {}, client: 'a' });
    expect(first.status).toBe(200);
    expect(first.headers['content-type']).toBe('application/geo+json');
    expect(first.body).toMatchObject({
      type: 'FeatureCollection',
      total: 25,
      page: 0,
      nextPage: 1,
    });
    const last = await proxy.readLayer({
      layerId: 'sensors',
      parameters: { page: '2' },
      client: 'a',
    });
    expect(last.body).toMatchObject({ page: 2, nextPage: null });
    expect((last.body as { features: unknown[] }).features).toHaveLength(5);
  });

  it('keeps only features changed after since', async () => {
    const { proxy } = proxyWith();
    const { body } = await proxy.readLayer({
      layerId: 'sensors',
      parameters: { since: '2024-05-01T10:21:00Z' },
      client: 'a',
    });
    const ids = (body as { features: { id: string }[] }).features.map((feature) => feature.id);
    expect(ids).toEqual([
      'urn:ngsi-ld:Sensor:000022',
      'urn:ngsi-ld:Sensor:000023',
      'urn:ngsi-ld:Sensor:000024',
    ]);
  });

  it('serves pages and repeated requests from one broker fetch', async () => {
    const { proxy, broker } = proxyWith();
    await Promise.all([
      proxy.readLayer({ layerId: 'sensors', parameters: {}, client: 'a' }),
      proxy.readLayer({ layerId: 'sensors', parameters: { page: '1' }, client: 'b' }),
    ]);
    expect(broker.calls).toHaveLength(1);
  });

  it('answers 400 naming the field for a parameter that is not allowed', async () => {
    const { proxy, broker } = proxyWith();
    const answer = await proxy.readLayer({
      layerId: 'sensors',
      parameters: { q: 'x>1' },
      client: 'a',
    });
    expect(answer.status).toBe(400);
    expect(answer.headers['content-type']).toBe('application/problem+json');
    expect(answer.body).toMatchObject({ detail: expect.stringMatching(/^q: is not a parameter/) });
    expect(broker.calls).toHaveLength(0);
  });

  it('answers 404 for a layer that is not configured', async () => {
    const { proxy } = proxyWith();
    const answer = await proxy.readLayer({ layerId: 'other', parameters: {}, client: 'a' });
    expect(answer).toMatchObject({ status: 404, body: { detail: "Layer 'other' does not exist" } });
  });

  it('answers 429 with Retry-After past the client rate', async () => {
    const limiter = createRateLimiter({ ratePerSecond: 1, burst: 1, now: () => 0 });
    const { proxy } = proxyWith({ rateLimiter: limiter });
    await proxy.readLayer({ layerId: 'sensors', parameters: {}, client: 'a' });
    const answer = await proxy.readLayer({ layerId: 'sensors', parameters: {}, client: 'a' });
    expect(answer.status).toBe(429);
    expect(answer.headers['retry-after']).toBe('1');
  });

  it('answers 502 for an unreachable broker and tells onError', async () => {
    const failing = {
      queryEntities: () =>
        Promise.reject(
          new BrokerError('unreachable', {
            reason: 'network',
            status: 0,
            method: 'GET',
            path: '/ngsi-ld/v1/entities',
            attempts: 2,
          }),
        ),
    } as unknown as BrokerClient;
    const statuses: number[] = [];
    const { proxy } = proxyWith({
      fetch: { clientFor: () => failing },
      onError: (_error, status) => statuses.push(status),
    });
    const answer = await proxy.readLayer({ layerId: 'sensors', parameters: {}, client: 'a' });
    expect(answer).toMatchObject({ status: 502, body: { title: 'broker unreachable' } });
    expect(statuses).toEqual([502]);
  });
});
