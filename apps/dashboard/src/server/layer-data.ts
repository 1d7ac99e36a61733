import { createReadProxy } from '../proxy/index.js';
import type { DataContext } from './data-context.js';
import { resolveLayer, type ResolvedLayer } from './resolve-layer.js';
import { cacheControl, fromProxyResponse } from './respond.js';

/**
 * GET /api/data/layers/{layerId}: one page of the layer's features (see src/proxy/README.md).
 * @example return layerData(context, params.layerId, new URL(request.url).searchParams);
 */
export async function layerData(
  context: DataContext,
  layerId: string,
  parameters: URLSearchParams,
): Promise<Response> {
  let resolved: ResolvedLayer | undefined;
  const proxy = createReadProxy({
    findLayer: async (id) => {
      resolved = await resolveLayer(context.payload, id, context.reader);
      return resolved?.config;
    },
    cache: context.services.cache,
    rateLimiter: context.services.rateLimiter,
    ...(context.onError && { onError: context.onError }),
  });
  const answer = await proxy.readLayer({ layerId, parameters, client: context.client });
  return fromProxyResponse(
    answer,
    answer.status === 200 ? { 'cache-control': cacheControl(resolved?.isPublic ?? false) } : {},
  );
}
