import type { FastifyInstance } from 'fastify';
import { GEO_JSON, JSON, JSON_LD, negotiate } from '../http/media-types.js';
import { parseRepresentation, REPRESENTATION_PARAMS } from '../http/representation.js';
import { sendEntities } from '../http/respond.js';
import { bodyOf, contextOf, tenantOf, type RouteDeps, type RouteTable } from '../http/route-kit.js';
import {
  PAGING_PARAMS,
  QUERY_PARAMS,
  parseEntityQueryParams,
  parseQueryBody,
} from './parse-entity-query.js';
import { queryEntities } from './query-entities.js';

/**
 * HTTP binding of Query Entities: GET /entities (§6.4.3.2) and POST /entityOperations/query
 * (§6.23.3.1). The total count, when asked for, is in the NGSILD-Results-Count header.
 */
export function registerQueryRoutes(
  app: FastifyInstance,
  routes: RouteTable,
  deps: RouteDeps,
): void {
  const { ctx } = deps;

  routes.register(app, {
    method: 'GET',
    url: '/ngsi-ld/v1/entities',
    query: [...QUERY_PARAMS, ...PAGING_PARAMS, ...REPRESENTATION_PARAMS],
    async handler(request, reply, params) {
      const mediaType = negotiate(request.headers.accept, [JSON, JSON_LD, GEO_JSON]);
      const context = await contextOf(request, deps);
      const representation = parseRepresentation(params, context, mediaType);
      const query = parseEntityQueryParams(params, ctx.limits);
      const result = await queryEntities(ctx, tenantOf(request), query, context);
      if (result.count !== undefined) reply.header('ngsild-results-count', String(result.count));
      return sendEntities(reply, deps, { context, mediaType, representation }, result.entities);
    },
  });

  routes.register(app, {
    method: 'POST',
    url: '/ngsi-ld/v1/entityOperations/query',
    query: [...PAGING_PARAMS, ...REPRESENTATION_PARAMS],
    hasBody: true,
    async handler(request, reply, params) {
      const mediaType = negotiate(request.headers.accept, [JSON, JSON_LD, GEO_JSON]);
      const context = await contextOf(request, deps);
      const query = parseQueryBody(bodyOf(request), params, ctx.limits);
      // The body's lang (§5.2.23) applies unless the query string gives one.
      const representation = parseRepresentation(
        { ...params, lang: params.lang ?? query.lang },
        context,
        mediaType,
      );
      const result = await queryEntities(ctx, tenantOf(request), query, context);
      if (result.count !== undefined) reply.header('ngsild-results-count', String(result.count));
      return sendEntities(reply, deps, { context, mediaType, representation }, result.entities);
    },
  });
}
