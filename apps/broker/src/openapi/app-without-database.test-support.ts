import Fastify, { type FastifyInstance } from 'fastify';
import { createHealth, createLogger, createMetrics } from '@legocity/observability';
import { buildApp, registerApiRoutes } from '../app.js';
import { DEFAULT_LIMITS, type BrokerContext } from '../broker-context.js';
import type { ContextService } from '../contexts/context-service.js';
import { RouteTable, type RouteDeps } from '../http/route-kit.js';
import { registerOpsRoutes, type OpsDeps } from '../ops/routes.js';
import { registerOpenApiRoutes } from './routes.js';

/**
 * Dependencies whose members are never called: registering routes only stores handlers, and the
 * routes under test here (openapi.json, docs) touch no database.
 */
const fakeRouteDeps: RouteDeps = {
  ctx: { limits: DEFAULT_LIMITS } as unknown as BrokerContext,
  contexts: {} as unknown as ContextService,
};
const fakeOpsDeps = {} as unknown as OpsDeps;

/**
 * The RouteTable every register*Routes function fills, built without a database.
 * @example const table = routeTableWithoutDatabase(); table.list()
 */
export function routeTableWithoutDatabase(): RouteTable {
  const table = new RouteTable();
  const app = Fastify();
  registerApiRoutes(
    app,
    table,
    fakeRouteDeps,
    { db: fakeRouteDeps.ctx.db, authenticator: { forget: () => undefined } },
    { db: fakeRouteDeps.ctx.db, brokerVersion: 'test', forgetCachedState: () => undefined },
  );
  registerOpsRoutes(app, table, fakeOpsDeps);
  registerOpenApiRoutes(app, table, { version: 'test', serverUrl: () => 'http://localhost:1026' });
  return table;
}

/**
 * The broker's real HTTP app (buildApp) on dependencies that are never called, for requests that
 * need no storage. Close it after use.
 * @example const app = await appWithoutDatabase({ publicUrl: 'http://localhost:1026' })
 */
export async function appWithoutDatabase(options: { publicUrl: string }): Promise<FastifyInstance> {
  return buildApp({
    ...fakeRouteDeps,
    logger: createLogger({ component: 'broker', version: 'test', commit: 'test', level: 'silent' }),
    metrics: createMetrics({ prefix: 'legocity_broker', collectDefaultMetrics: false }),
    health: createHealth({ version: 'test', commit: 'test', checks: [] }),
    version: () => ({
      component: 'broker',
      version: 'test',
      commit: 'test',
      node: process.version,
      startedAt: '',
      uptimeSeconds: 0,
    }),
    bodyLimitBytes: 1024 * 1024,
    publicUrl: options.publicUrl,
  });
}
