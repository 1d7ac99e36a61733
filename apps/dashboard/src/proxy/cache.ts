import type { LayerRequest } from './layer-query.js';

/** Default time an answer is reused, in milliseconds. */
export const DEFAULT_CACHE_TTL_MS = 5_000;
/** Default number of answers kept. */
export const DEFAULT_CACHE_ENTRIES = 200;

export interface TtlCacheOptions {
  ttlMs?: number;
  maxEntries?: number;
  now?: () => number;
}

/** A small cache of recent answers, shared by every browser. */
export interface TtlCache<T> {
  /**
   * The cached value for `key`, or the result of `load()`. Callers asking for the same key while a
   * load is running share it (one broker call). Failures are not cached.
   */
  get(key: string, load: () => Promise<T>): Promise<T>;
  /** Entries held now, loading ones included. */
  readonly size: number;
  clear(): void;
}

interface Entry<T> {
  value: Promise<T>;
  /** When the value stops being fresh; Infinity while it is loading. */
  expiresAt: number;
}

/**
 * A TTL cache with in-flight coalescing and least-recently-used eviction.
 * @example const cache = createTtlCache<LayerAnswer>(); await cache.get(layerCacheKey(layer.id, request), () => fetchLayer(layer, request));
 */
export function createTtlCache<T>(options: TtlCacheOptions = {}): TtlCache<T> {
  const ttlMs = options.ttlMs ?? DEFAULT_CACHE_TTL_MS;
  const maxEntries = options.maxEntries ?? DEFAULT_CACHE_ENTRIES;
  const now = options.now ?? Date.now;
  const entries = new Map<string, Entry<T>>();

  function evict(): void {
    // Map keeps insertion order and get() re-inserts, so the first key is the least recently used.
    for (const key of entries.keys()) {
      if (entries.size <= maxEntries) return;
      entries.delete(key);
    }
  }

  return {
    get(key, load) {
      const found = entries.get(key);
      if (found && found.expiresAt > now()) {
        entries.delete(key);
        entries.set(key, found);
        return found.value;
      }
      const entry: Entry<T> = { value: start(load), expiresAt: Infinity };
      entries.delete(key);
      entries.set(key, entry);
      evict();
      entry.value.then(
        () => {
          entry.expiresAt = now() + ttlMs;
        },
        () => {
          if (entries.get(key) === entry) entries.delete(key);
        },
      );
      return entry.value;
    },
    get size() {
      return entries.size;
    },
    clear() {
      entries.clear();
    },
  };
}

/** A load that throws at once is a rejected promise like any other failure. */
function start<T>(load: () => Promise<T>): Promise<T> {
  try {
    return load();
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
}

/**
 * The cache key of a layer answer: the layer and the parameters that change the broker query.
 * `page` and `since` only select from a full answer, so they share its entry.
 * @example layerCacheKey('air', { bbox: [1, 2, 3, 4], page: 0, since: undefined, format: 'geojson' }) // '["air",[1,2,3,4]]'
 */
export function layerCacheKey(layerId: string, request: LayerRequest): string {
  return JSON.stringify([layerId, request.bbox ?? null]);
}
