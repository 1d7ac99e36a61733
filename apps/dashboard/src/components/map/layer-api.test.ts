import { describe, expect, it } from 'vitest';
import { DataRequestError, getJson, layerUrl, loadLayer, type Fetch } from './layer-api.js';

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': status < 400 ? 'application/json' : 'application/problem+json' },
  });
}

function page(ids: string[], pageNo: number, nextPage: number | null) {
  return {
    type: 'FeatureCollection',
    features: ids.map((id) => ({ type: 'Feature', id, geometry: null, properties: {} })),
    aggregated: false,
    total: 3,
    page: pageNo,
    nextPage,
    dataAge: { fetchedAt: '2026-11-23T12:00:00Z', newestChangeAt: '2026-11-23T11:59:00Z' },
  };
}

describe('loadLayer', () => {
  it('follows nextPage until it is null', async () => {
    const asked: string[] = [];
    const fetchFn: Fetch = (url) => {
      asked.push(url);
      return Promise.resolve(
        json(url.includes('page=0') ? page(['a', 'b'], 0, 1) : page(['c'], 1, null)),
      );
    };
    const load = await loadLayer(fetchFn, 'L1');
    expect(asked).toEqual(['/api/data/layers/L1?page=0', '/api/data/layers/L1?page=1']);
    expect(load.features.map((f) => f.id)).toEqual(['a', 'b', 'c']);
    expect(load.dataAge.newestChangeAt).toBe('2026-11-23T11:59:00Z');
  });

  it('stops when a page points backwards instead of looping', async () => {
    let calls = 0;
    const fetchFn: Fetch = () => {
      calls++;
      return Promise.resolve(json(page(['a'], 0, 0)));
    };
    await loadLayer(fetchFn, 'L1');
    expect(calls).toBe(1);
  });

  it('asks only for changes with since', () => {
    expect(layerUrl('a b', 0, '2026-11-23T12:00:00.000Z')).toBe(
      '/api/data/layers/a%20b?page=0&since=2026-11-23T12%3A00%3A00.000Z',
    );
  });
});

describe('getJson errors', () => {
  it('calls a 502 or 504 answer an unreachable source, with the problem title', async () => {
    const error = await getJson(
      () => Promise.resolve(json({ title: 'Broker unreachable' }, 502)),
      '/x',
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataRequestError);
    expect((error as DataRequestError).isUnreachable).toBe(true);
    expect((error as DataRequestError).message).toContain('Broker unreachable');
  });

  it('calls a network failure unreachable and a 404 not', async () => {
    const network = (await getJson(() => Promise.reject(new TypeError('fetch failed')), '/x').catch(
      (e: unknown) => e,
    )) as DataRequestError;
    expect(network.status).toBe(0);
    expect(network.isUnreachable).toBe(true);
    const missing = (await getJson(
      () => Promise.resolve(json({ title: 'Not found' }, 404)),
      '/x',
    ).catch((e: unknown) => e)) as DataRequestError;
    expect(missing.isUnreachable).toBe(false);
  });
});
