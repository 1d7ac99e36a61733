import { randomUUID } from 'node:crypto';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { NgsiLdError } from '@legocity/ngsi-ld';
import type { Health, Logger, Metrics, VersionInfo } from '@legocity/observability';
import type { AccessControl } from './auth/access-control.js';
import { callerContextFactory, registerAccessControl } from './auth/http-access.js';
import { registerAdminRoutes } from './auth/routes.js';
import { REFUSE_ALL_WRITES } from './auth/write-guard.js';
import { registerBackupRoutes, type BackupRouteDeps } from './backup/routes.js';
import type { BrokerContext } from './broker-context.js';
import { registerBatchRoutes } from './batch/routes.js';
import type { ContextService } from './contexts/context-service.js';
import { registerContextRoutes } from './contexts/routes.js';
import { registerDiscoveryRoutes } from './discovery/routes.js';
import { registerEntityRoutes } from './entities/routes.js';
import { JSON, JSON_LD, MERGE_PATCH } from './http/media-types.js';
import { problemFromError } from './http/problem-from-error.js';
import { RouteTable, type RouteDeps } from './http/route-kit.js';
import { registerOpenApiRoutes } from './openapi/routes.js';
import { registerOpsRoutes } from './ops/routes.js';
import { registerSubscriptionRoutes } from './subscriptions/routes.js';
import { registerQueryRoutes } from './query/routes.js';
import { registerTemporalRoutes } from './temporal/routes.js';
import { BROKER_VERSION } from './version.js';

export interface AppDeps {
  ctx: BrokerContext;
  contexts: ContextService;
  logger: Logger;
  metrics: Metrics;
  health: Health;
  version: () => VersionInfo;
  bodyLimitBytes: number;
  /** The URL clients reach the broker at (named in the OpenAPI document). */
  publicUrl: string;
  /** API keys and scopes on every request; undefined when LEGOCITY_BROKER_AUTH=off. */
  access?: AccessControl | undefined;
  /** After a restore: what the app does not own forgets its state too (the notifier). */
  afterRestore?: () => void;
}

const CORRELATION_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * The broker's HTTP application: NGSI-LD routes, operability endpoints, one error handler.
 * Built without listening, so tests use `app.inject()` in-process.
 * @example const app = await buildApp(deps); await app.listen({ port: 1026 });
 */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    // Our pino logger; typed as Fastify's base logger so route modules share one instance type.
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- fixes Fastify's logger generic
    loggerInstance: deps.logger as FastifyBaseLogger,
    // Per-request info lines would cost throughput; errors are logged by our error handler.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: deps.bodyLimitBytes,
    return503OnClosing: true,
    requestIdHeader: false,
    genReqId: (request) => {
      const given = request.headers['x-correlation-id'];
      return typeof given === 'string' && CORRELATION_ID.test(given) ? given : randomUUID();
    },
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 2048 },
  });

  // JSON, JSON-LD and merge-patch bodies share Fastify's JSON parser (prototype-poisoning safe).
  // Every other media type (Fastify also parses text/plain by default) is 415 UnsupportedMediaType.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(
    [JSON, JSON_LD, MERGE_PATCH],
    { parseAs: 'string' },
    app.getDefaultJsonParser('error', 'error'),
  );

  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-correlation-id', request.id);
    const tenant = request.headers['ngsild-tenant'];
    if (typeof tenant === 'string') reply.header('ngsild-tenant', tenant);
    (request as { doneInFlight?: () => void }).doneInFlight = deps.metrics.startHttpRequest();
  });
  if (deps.access) registerAccessControl(app, deps.access);
  app.addHook('onResponse', async (request, reply) => {
    (request as { doneInFlight?: () => void }).doneInFlight?.();
    deps.metrics.observeHttpRequest({
      method: request.method,
      route: request.routeOptions.url ?? '',
      status: reply.statusCode,
      durationSeconds: reply.elapsedTime / 1000,
    });
  });

  app.setErrorHandler((error, request, reply) => {
    const problem = problemFromError(error, request.id);
    if (problem.isServerError) {
      request.log.error(
        { err: error, correlationId: request.id, method: request.method, url: request.url },
        'Request failed',
      );
    } else {
      request.log.debug(
        { correlationId: request.id, status: problem.status, detail: problem.body.detail },
        'Request rejected',
      );
    }
    return reply.code(problem.status).type(JSON).send(problem.body);
  });

  const routes = new RouteTable();
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    const allowed = routes.allowedMethods(path);
    const error = allowed
      ? new NgsiLdError(
          'MethodNotAllowed',
          `${request.method} is not allowed on ${path}; allowed: ${allowed.join(', ')}`,
        )
      : new NgsiLdError('ResourceNotFound', `No resource at ${request.method} ${path}`);
    if (allowed) reply.header('allow', allowed.join(', '));
    return reply.code(error.status).type(JSON).send(error.toProblemDetails());
  });

  // With access control, routes write through callerContext(request, deps), which carries the
  // caller's write guard; a route that writes with deps.ctx instead is refused (fails closed).
  const routeDeps: RouteDeps = deps.access
    ? {
        ctx: { ...deps.ctx, writeGuard: REFUSE_ALL_WRITES },
        contexts: deps.contexts,
        forRequest: callerContextFactory(deps.ctx, deps.access),
      }
    : { ctx: deps.ctx, contexts: deps.contexts };
  registerApiRoutes(
    app,
    routes,
    routeDeps,
    {
      db: deps.ctx.db,
      authenticator: deps.access?.authenticator ?? { forget: () => undefined },
    },
    {
      db: deps.ctx.db,
      brokerVersion: BROKER_VERSION,
      forgetCachedState: () => {
        deps.access?.authenticator.forgetAll();
        deps.contexts.forgetAll();
        deps.ctx.tenants.forgetAll();
        deps.afterRestore?.();
      },
    },
  );
  registerOpsRoutes(app, routes, {
    health: deps.health,
    metrics: deps.metrics,
    version: deps.version,
  });
  registerOpenApiRoutes(app, routes, {
    version: BROKER_VERSION,
    serverUrl: () => deps.publicUrl,
    limits: deps.ctx.limits,
  });
  await app.ready();
  return app;
}

/**
 * Register every API route module (NGSI-LD and /admin) — the one list, shared with the tests
 * that inspect the route table.
 * @example registerApiRoutes(app, routes, routeDeps, { db, authenticator }, backupDeps)
 */
export function registerApiRoutes(
  app: FastifyInstance,
  routes: RouteTable,
  routeDeps: RouteDeps,
  adminDeps: Parameters<typeof registerAdminRoutes>[2],
  backupDeps: BackupRouteDeps,
): void {
  registerEntityRoutes(app, routes, routeDeps);
  registerQueryRoutes(app, routes, routeDeps);
  registerBatchRoutes(app, routes, routeDeps);
  registerDiscoveryRoutes(app, routes, routeDeps);
  registerContextRoutes(app, routes, routeDeps);
  registerTemporalRoutes(app, routes, routeDeps);
  registerSubscriptionRoutes(app, routes, routeDeps);
  registerAdminRoutes(app, routes, adminDeps);
  registerBackupRoutes(app, routes, backupDeps);
}
