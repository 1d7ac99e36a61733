import { ProxyError, invalidRequest } from '../../proxy/index.js';
import type { DataContext } from '../data-context.js';
import { parseParameters, type ParameterRule } from '../parse-parameters.js';
import { resolveLayer, type ResolvedLayer } from '../resolve-layer.js';
import { cacheControl, jsonResponse, problemResponse } from '../respond.js';

/**
 * The shared steps of a layer's temporal routes (history, replay): rate limit → parse the
 * whitelisted parameters → resolve the layer as the reader → answer from the 30 s cache or
 * `read` → JSON, or a ProblemDetails answer.
 * @example return temporalLayerRoute(context, layerId, search, RULES, 'replay', (layer, p) => readReplay(layer, p));
 */
export async function temporalLayerRoute<P>(
  context: DataContext,
  layerId: string,
  search: URLSearchParams,
  rules: Record<string, ParameterRule<unknown>>,
  name: string,
  read: (layer: ResolvedLayer, parameters: P) => Promise<unknown>,
): Promise<Response> {
  try {
    context.services.rateLimiter.check(context.client);
    const parsed = parseParameters(search, rules);
    if (!parsed.ok) throw invalidRequest(parsed.problems);
    const parameters = parsed.value as P;
    const layer = await resolveLayer(context.payload, layerId, context.reader);
    if (!layer) throw new ProxyError('UnknownLayer', 'This layer does not exist');
    const key = JSON.stringify([name, layerId, parameters]);
    const answer = await context.services.temporalCache.get(key, () => read(layer, parameters));
    return jsonResponse(answer, { headers: { 'cache-control': cacheControl(layer.isPublic) } });
  } catch (error) {
    return problemResponse(error, context.onError);
  }
}
