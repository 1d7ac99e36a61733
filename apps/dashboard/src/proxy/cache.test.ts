import { describe, expect, it } from 'vitest';
import { createTtlCache, layerCacheKey } from './cache.js';

function clock(start = 0) {
  const state = { now: start };
  return { state, now: () => state.now };
}

describe('createTtlCache', () => {
  it('reuses a value until its TTL ends', async () => {
    const { state, now } = clock();
    const cache = createTtlCache<number>({ ttlMs: 5_000, now });
    let loads = 0;
    const load = () => Promise.resolve((loads += 1));
    expect(await cache.get('a', load)).toBe(1);
    state.now = 4_999;
    expect(await cache.get('a', load)).toBe(1);
    state.now = 5_001;
    expect(await cache.get('a', load)).toBe(2);
  });

  it('makes two callers asking at once share one load', async () => {
    const cache = createTtlCache<string>();
    let loads = 0;
    let finish: (value: string) => void = () => undefined;
    const load = () => {
      loads += 1;
      return new Promise<string>((resolve) => (finish = resolve));
    };
    const first = cache.get('layer', load);
    const second = cache.get('layer', load);
    finish('answer');
    expect(await Promise.all([first, second])).toEqual(['answer', 'answer']);
    expect(loads).toBe(1);
  });

  it('does not keep a failure', async () => {
    const cache = createTtlCache<string>();
    await expect(cache.get('a', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    await expect(
      cache.get('a', () => {
        throw new Error('thrown at once');
      }),
    ).rejects.toThrow('thrown at once');
    expect(await cache.get('a', () => Promise.resolve('up'))).toBe('up');
  });

  it('drops the least recently used entry beyond its size', async () => {
    const cache = createTtlCache<string>({ maxEntries: 2 });
    await cache.get('a', () => Promise.resolve('a1'));
    await cache.get('b', () => Promise.resolve('b1'));
    await cache.get('a', () => Promise.resolve('a2')); // a is now the most recent
    await cache.get('c', () => Promise.resolve('c1'));
    expect(cache.size).toBe(2);
    expect(await cache.get('a', () => Promise.resolve('a3'))).toBe('a1');
    expect(await cache.get('b', () => Promise.resolve('b2'))).toBe('b2');
  });
});

describe('layerCacheKey', () => {
  it('ignores page and since, which only select from the full answer', () => {
    const base = {
      bbox: [1, 2, 3, 4] as const,
      page: 0,
      since: undefined,
      format: 'geojson' as const,
    };
    expect(layerCacheKey('air', base)).toBe(
      layerCacheKey('air', { ...base, page: 3, since: '2024-01-01T00:00:00.000Z' }),
    );
    expect(layerCacheKey('air', base)).not.toBe(layerCacheKey('air', { ...base, bbox: undefined }));
    expect(layerCacheKey('air', base)).not.toBe(layerCacheKey('water', base));
  });
});
