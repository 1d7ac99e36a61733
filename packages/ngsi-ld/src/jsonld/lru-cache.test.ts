import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.js';
import { LruCache } from './lru-cache.js';

describe('LruCache', () => {
  it('drops the least recently used entry past its limit', () => {
    const cache = new LruCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1);
    cache.set('c', 3);
    expect(cache.peek('b')).toBeUndefined();
    expect(cache.peek('a')).toBe(1);
    expect(cache.size).toBe(2);
  });

  it('deletes every entry a predicate matches', () => {
    const cache = new LruCache<string, number>(5);
    for (const [key, value] of [
      ['a', 1],
      ['b', 2],
      ['c', 3],
    ] as const)
      cache.set(key, value);
    expect(cache.deleteWhere((value) => value % 2 === 1)).toBe(2);
    expect(cache.peek('b')).toBe(2);
  });

  it('refuses a limit below one', () => {
    expect(() => new LruCache(0)).toThrow(RangeError);
  });
});

describe('canonicalJson', () => {
  it('sorts object members at every level and keeps array order', () => {
    expect(canonicalJson({ b: 1, a: [2, { d: 3, c: 4 }] })).toBe('{"a":[2,{"c":4,"d":3}],"b":1}');
    expect(canonicalJson(['y', 'x'])).toBe('["y","x"]');
  });
});
