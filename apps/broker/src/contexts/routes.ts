import type { FastifyInstance } from 'fastify';
import { NgsiLdError, type JsonValue } from '@legocity/ngsi-ld';
import { JSON, JSON_LD, negotiate } from '../http/media-types.js';
import { parseBoolean } from '../http/query-params.js';
import { bodyOf, pathParam, type RouteDeps, type RouteTable } from '../http/route-kit.js';
import type { ContextKind, StoredContext } from './context-store.js';

const BASE = '/ngsi-ld/v1/jsonldContexts';
const KINDS: readonly ContextKind[] = ['Hosted', 'Cached', 'ImplicitlyCreated'];

/**
 * HTTP binding of @context management (ETSI GS CIM 009 v1.8.1 §6.30, §5.13): add, list, serve,
 * delete and reload user contexts. Contexts are broker-wide, not per tenant.
 */
export function registerContextRoutes(
  app: FastifyInstance,
  routes: RouteTable,
  deps: RouteDeps,
): void {
  const { contexts } = deps;

  routes.register(app, {
    method: 'POST',
    url: BASE,
    query: [],
    hasBody: true,
    async handler(request, reply) {
      const stored = await contexts.add(bodyOf(request));
      return reply
        .code(201)
        .header('location', `${BASE}/${encodeURIComponent(stored.id)}`)
        .send();
    },
  });

  routes.register(app, {
    method: 'GET',
    url: BASE,
    query: ['details', 'kind'],
    async handler(request, reply, query) {
      negotiate(request.headers.accept, [JSON, JSON_LD]);
      const kind = query.kind;
      if (kind !== undefined && !KINDS.includes(kind as ContextKind)) {
        throw new NgsiLdError('BadRequestData', `kind must be one of ${KINDS.join(', ')}`, {
          field: 'kind',
        });
      }
      const list = await contexts.list(kind as ContextKind | undefined);
      const details = parseBoolean(query.details, 'details') ?? false;
      return reply.type(JSON).send(details ? list.map(describe) : list.map((c) => c.url));
    },
  });

  routes.register(app, {
    method: 'GET',
    url: `${BASE}/:contextId`,
    query: ['details'],
    async handler(request, reply, query) {
      const stored = await contexts.find(pathParam(request, 'contextId'));
      if (parseBoolean(query.details, 'details')) return reply.type(JSON).send(describe(stored));
      if (stored.kind === 'Cached') {
        throw new NgsiLdError(
          'OperationNotSupported',
          `@context ${stored.id} is Cached: fetch it from ${stored.url}`,
          {
            field: 'contextId',
          },
        );
      }
      return reply.type(JSON_LD).send(stored.body);
    },
  });

  routes.register(app, {
    method: 'DELETE',
    url: `${BASE}/:contextId`,
    query: ['reload'],
    async handler(request, reply, query) {
      await contexts.delete(
        pathParam(request, 'contextId'),
        parseBoolean(query.reload, 'reload') ?? false,
      );
      return reply.code(204).send();
    },
  });
}

function describe(context: StoredContext): JsonValue {
  const details: Record<string, JsonValue> = {
    URL: context.url,
    localId: context.id,
    kind: context.kind,
    createdAt: context.createdAt,
  };
  if (context.fetchedAt) details.extraInfo = { fetchedAt: context.fetchedAt };
  return details;
}
