import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ActiveContext, JsonObject } from '@legocity/ngsi-ld';
import { JSON, JSON_LD, negotiate, type ResponseMediaType } from '../http/media-types.js';
import { parseOptions } from '../http/query-params.js';
import { parsePaging } from '../query/parse-entity-query.js';
import { sendJsonLd } from '../http/respond.js';
import { requestContext } from '../http/request-context.js';
import {
  bodyOf,
  contextOf,
  pathParam,
  tenantOf,
  type RouteDeps,
  type RouteTable,
} from '../http/route-kit.js';
import { NgsiLdError, isUri } from '@legocity/ngsi-ld';
import { checkSubscription } from './check-subscription.js';
import { createSubscription } from './create-subscription.js';
import { deleteSubscription } from './delete-subscription.js';
import { formatSubscription } from './format-subscription.js';
import { querySubscriptions } from './query-subscriptions.js';
import { retrieveSubscription } from './retrieve-subscription.js';
import { updateSubscription } from './update-subscription.js';

const BASE = '/ngsi-ld/v1/subscriptions';

/**
 * HTTP binding of subscriptions (ETSI GS CIM 009 v1.8.1 §6.10, §6.11): create, query,
 * retrieve, update, delete.
 */
export function registerSubscriptionRoutes(
  app: FastifyInstance,
  routes: RouteTable,
  deps: RouteDeps,
): void {
  const { ctx } = deps;

  routes.register(app, {
    method: 'POST',
    url: BASE,
    query: [],
    hasBody: true,
    async handler(request, reply) {
      const body = bodyOf(request);
      const { definition } = requestContext({ headers: request.headers, body });
      await contextOf(request, deps); // a context that cannot be loaded is refused now
      const input = checkSubscription(body, ctx.now());
      const id = await createSubscription(ctx, tenantOf(request), input, definition);
      return reply
        .code(201)
        .header('location', `${BASE}/${encodeURIComponent(id)}`)
        .send();
    },
  });

  routes.register(app, {
    method: 'GET',
    url: BASE,
    query: ['limit', 'offset', 'count', 'options'],
    async handler(request, reply, query) {
      const mediaType = negotiate(request.headers.accept, [JSON, JSON_LD]);
      const context = await contextOf(request, deps);
      const { limit, offset, count } = parsePaging(query, ctx.limits);
      const sysAttrs = parseOptions(query.options, ['sysAttrs']).has('sysAttrs');
      const result = await querySubscriptions(ctx, tenantOf(request), { limit, offset, count });
      if (result.count !== undefined) reply.header('ngsild-results-count', String(result.count));
      const now = ctx.now();
      const body = result.subscriptions.map((s) =>
        withContext(formatSubscription(s, now, { sysAttrs }), context, mediaType),
      );
      return sendJsonLd(reply, deps, context, mediaType, body);
    },
  });

  routes.register(app, {
    method: 'GET',
    url: `${BASE}/:subscriptionId`,
    query: ['options'],
    async handler(request, reply, query) {
      const mediaType = negotiate(request.headers.accept, [JSON, JSON_LD]);
      const context = await contextOf(request, deps);
      const sysAttrs = parseOptions(query.options, ['sysAttrs']).has('sysAttrs');
      const subscription = await retrieveSubscription(
        ctx,
        tenantOf(request),
        subscriptionId(request),
      );
      const body = withContext(
        formatSubscription(subscription, ctx.now(), { sysAttrs }),
        context,
        mediaType,
      );
      return sendJsonLd(reply, deps, context, mediaType, body);
    },
  });

  routes.register(app, {
    method: 'PATCH',
    url: `${BASE}/:subscriptionId`,
    query: [],
    hasBody: true,
    async handler(request, reply) {
      const body = bodyOf(request);
      const { definition } = requestContext({ headers: request.headers, body });
      await contextOf(request, deps);
      await updateSubscription(ctx, tenantOf(request), subscriptionId(request), body, definition);
      return reply.code(204).send();
    },
  });

  routes.register(app, {
    method: 'DELETE',
    url: `${BASE}/:subscriptionId`,
    query: [],
    async handler(request, reply: FastifyReply) {
      await deleteSubscription(ctx, tenantOf(request), subscriptionId(request));
      return reply.code(204).send();
    },
  });
}

function subscriptionId(request: Parameters<typeof pathParam>[0]): string {
  const id = pathParam(request, 'subscriptionId');
  if (!isUri(id))
    throw new NgsiLdError('BadRequestData', `Subscription id '${id}' is not a valid URI`, {
      field: 'subscriptionId',
    });
  return id;
}

function withContext(
  body: JsonObject,
  context: ActiveContext,
  mediaType: ResponseMediaType,
): JsonObject {
  return mediaType === JSON_LD ? { ...body, '@context': context.definition } : body;
}
