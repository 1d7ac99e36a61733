import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ActiveContext } from '@legocity/ngsi-ld';
import { JSON, JSON_LD, negotiate, type ResponseMediaType } from '../http/media-types.js';
import { sendJsonLd } from '../http/respond.js';
import {
  bodyOf,
  contextOf,
  entityIdParam,
  tenantOf,
  type RouteDeps,
  type RouteTable,
} from '../http/route-kit.js';
import { parseNames } from '../http/names.js';
import {
  PAGING_PARAMS,
  QUERY_PARAMS,
  parseEntityQueryParams,
  parseQueryBody,
} from '../query/parse-entity-query.js';
import { formatTemporalEntity } from './format-temporal.js';
import {
  TEMPORAL_PARAMS,
  TEMPORAL_Q_PREFIX,
  parseTemporalQuery,
  temporalQParams,
} from './parse-temporal-query.js';
import { queryTemporalEvolution } from './query-temporal-evolution.js';
import type { History } from './read-history.js';
import { registerHistoryRetentionRoutes } from './retention/routes.js';
import { retrieveTemporalEvolution } from './retrieve-temporal-evolution.js';
import type { TemporalQuery } from './temporal-query.js';

const TEMPORAL = '/ngsi-ld/v1/temporal';
/** Parameters of the POST query that stay in the query string (the rest is in the body). */
const POST_PARAMS = ['options', 'format', 'aggrMethods', 'aggrPeriodDuration'] as const;

/**
 * HTTP binding of the temporal API (read side): Retrieve Temporal Evolution of an Entity
 * (§6.19.3.1), Query Temporal Evolution of Entities (§6.18.3.2) and its POST form (§6.24.3.1),
 * plus the admin API of history retention. A result cut at LEGOCITY_BROKER_TEMPORAL_MAX_INSTANCES
 * answers 206 Partial Content with Content-Range (§6.3.10).
 */
export function registerTemporalRoutes(
  app: FastifyInstance,
  routes: RouteTable,
  deps: RouteDeps,
): void {
  const { ctx } = deps;

  routes.register(app, {
    method: 'GET',
    url: `${TEMPORAL}/entities/:entityId`,
    query: ['attrs', ...TEMPORAL_PARAMS],
    async handler(request, reply, params) {
      const mediaType = negotiate(request.headers.accept, [JSON, JSON_LD]);
      const id = entityIdParam(request);
      const context = await contextOf(request, deps);
      const query = parseTemporalQuery(params);
      const attrs = params.attrs === undefined ? undefined : parseNames(params.attrs, 'attrs');
      const history = await retrieveTemporalEvolution(
        ctx,
        tenantOf(request),
        id,
        { query, ...(attrs ? { attrs } : {}) },
        context,
      );
      return send(reply, deps, { context, mediaType, query, history, isList: false });
    },
  });

  routes.register(app, {
    method: 'GET',
    url: `${TEMPORAL}/entities`,
    query: [...QUERY_PARAMS, ...PAGING_PARAMS, ...TEMPORAL_PARAMS],
    async handler(request, reply, params) {
      const mediaType = negotiate(request.headers.accept, [JSON, JSON_LD]);
      const context = await contextOf(request, deps);
      const query = parseTemporalQuery(params);
      const selection = parseEntityQueryParams(params, ctx.limits);
      const history = await queryTemporalEvolution(
        ctx,
        tenantOf(request),
        selection,
        query,
        context,
      );
      if (history.count !== undefined) reply.header('ngsild-results-count', String(history.count));
      return send(reply, deps, { context, mediaType, query, history, isList: true });
    },
  });

  routes.register(app, {
    method: 'POST',
    url: `${TEMPORAL}/entityOperations/query`,
    query: [...PAGING_PARAMS, ...POST_PARAMS],
    hasBody: true,
    async handler(request, reply, params) {
      const mediaType = negotiate(request.headers.accept, [JSON, JSON_LD]);
      const context = await contextOf(request, deps);
      const { temporalQ, query: selectionBody } = splitTemporalQ(bodyOf(request));
      const temporal = temporalQ === undefined ? {} : temporalQParams(temporalQ);
      const query = parseTemporalQuery({ ...params, ...temporal }, { prefix: TEMPORAL_Q_PREFIX });
      const selection = parseQueryBody(selectionBody, params, ctx.limits);
      const history = await queryTemporalEvolution(
        ctx,
        tenantOf(request),
        selection,
        query,
        context,
      );
      if (history.count !== undefined) reply.header('ngsild-results-count', String(history.count));
      return send(reply, deps, { context, mediaType, query, history, isList: true });
    },
  });

  registerHistoryRetentionRoutes(app, routes, deps);
}

/** A Query body (§5.2.23) without its temporalQ member, which parseQueryBody does not know. */
function splitTemporalQ(body: unknown): { temporalQ: unknown; query: unknown } {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { temporalQ: undefined, query: body };
  }
  const { temporalQ, ...query } = body as Record<string, unknown>;
  return { temporalQ, query };
}

async function send(
  reply: FastifyReply,
  deps: RouteDeps,
  answer: {
    context: ActiveContext;
    mediaType: ResponseMediaType;
    query: TemporalQuery;
    history: History;
    isList: boolean;
  },
): Promise<FastifyReply> {
  const { context, mediaType, query, history } = answer;
  const options = { context, query, includeContext: mediaType === JSON_LD };
  const bodies = history.entities.map((entity) => formatTemporalEntity(entity, options));
  if (history.contentRange !== undefined) {
    reply.code(206).header('content-range', history.contentRange);
  }
  const body = answer.isList ? bodies : (bodies[0] ?? {});
  return sendJsonLd(reply, deps, context, mediaType, body);
}
