import type { GeoJsonFeature } from '@legocity/broker-client';
import { createTtlCache, layerCacheKey, type TtlCache } from './cache.js';
import { fetchLayer, type FetchLayerOptions, type LayerAnswer } from './fetch-layer.js';
import type { LayerConfig } from './layer-config.js';
import { parseLayerRequest, type LayerRequest } from './layer-query.js';
import { invalidRequest, problemFromError, ProxyError } from './proxy-errors.js';
import type { RateLimiter } from './rate-limit.js';

/** Features per answer page sent to the browser; the answer names the next page. */
export const DEFAULT_PAGE_FEATURES = 10_000;

/** A framework-neutral HTTP answer: the route handler copies it into its own response type. */
export interface ProxyResponse {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

export interface ReadProxyOptions {
  /** The configured layer with this id, or undefined (→ 404). Server-side lookup only. */
  findLayer(layerId: string): LayerConfig | undefined | Promise<LayerConfig | undefined>;
  /** Shared by all requests; default a 5 s TTL cache. */
  cache?: TtlCache<LayerAnswer>;
  /** Per-client limit; none when absent (tests). */
  rateLimiter?: RateLimiter;
  fetch?: FetchLayerOptions;
  pageFeatures?: number;
  /** Told of every failure with the problem sent, e.g. to log the cause of a 500. */
  onError?: (error: unknown, status: number) => void;
}

/** What the route handler hands over: the layer id from the path, the query string, the client IP. */
export interface ReadLayerInput {
  layerId: string;
  parameters: URLSearchParams | Record<string, string | readonly string[] | undefined>;
  client: string;
}

/** The read proxy's one operation for map layers. */
export interface ReadProxy {
  readLayer(input: ReadLayerInput): Promise<ProxyResponse>;
}

/**
 * The read proxy for map layers: rate limit per client → parse the whitelisted parameters →
 * find the configured layer → cached, coalesced fetch through the broker → select `since` and
 * `page` → JSON. Every failure becomes a ProblemDetails answer; nothing is thrown.
 * @example const proxy = createReadProxy({ findLayer: (id) => layers.get(id), rateLimiter: createRateLimiter() });
 * const { status, headers, body } = await proxy.readLayer({ layerId, parameters: url.searchParams, client: ip });
 */
export function createReadProxy(options: ReadProxyOptions): ReadProxy {
  const cache = options.cache ?? createTtlCache<LayerAnswer>();
  const pageFeatures = options.pageFeatures ?? DEFAULT_PAGE_FEATURES;

  async function answer({ layerId, parameters, client }: ReadLayerInput): Promise<ProxyResponse> {
    options.rateLimiter?.check(client);
    const parsed = parseLayerRequest(parameters);
    if (!parsed.ok) throw invalidRequest(parsed.problems);
    const layer = await options.findLayer(layerId);
    if (!layer) throw new ProxyError('UnknownLayer', `Layer ${describeId(layerId)} does not exist`);
    const request = parsed.value;
    const full = await cache.get(layerCacheKey(layer.id, request), () =>
      fetchLayer(layer, request, options.fetch),
    );
    return {
      status: 200,
      // Cache-Control is the route's choice: public dashboards may be shared, private ones not.
      headers: { 'content-type': 'application/geo+json' },
      body: selectPage(full, request, pageFeatures),
    };
  }

  return {
    async readLayer(input) {
      try {
        return await answer(input);
      } catch (error) {
        const problem = problemFromError(error);
        options.onError?.(error, problem.status);
        const headers: Record<string, string> = { 'content-type': 'application/problem+json' };
        if (problem.retryAfter !== undefined) headers['retry-after'] = String(problem.retryAfter);
        return { status: problem.status, headers, body: problem };
      }
    },
  };
}

/**
 * One page of an answer, keeping only features changed after `since`. Aggregates are one page.
 * @example selectPage(answer, { page: 1, since: undefined, … }, 10_000) // features 10 000–19 999, nextPage 2 or null
 */
export function selectPage(answer: LayerAnswer, request: LayerRequest, pageFeatures: number) {
  if (answer.aggregated) return { ...answer, page: 0, nextPage: null };
  const { since, page } = request;
  const features = since === undefined ? answer.features : answer.features.filter(isNewer(since));
  const start = page * pageFeatures;
  const hasMore = features.length > start + pageFeatures;
  return {
    ...answer,
    features: features.slice(start, start + pageFeatures),
    page,
    nextPage: hasMore ? page + 1 : null,
    ...(since !== undefined && { since }),
  };
}

function isNewer(since: string) {
  const after = Date.parse(since);
  return (feature: GeoJsonFeature): boolean => {
    const modifiedAt = feature.properties.modifiedAt;
    return typeof modifiedAt === 'string' && Date.parse(modifiedAt) > after;
  };
}

/** A layer id quoted for an error message, only when it looks like one (it came from the URL). */
function describeId(layerId: string): string {
  return /^[\w.:-]{1,100}$/.test(layerId) ? `'${layerId}'` : '(invalid id)';
}
