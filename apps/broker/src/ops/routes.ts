import type { FastifyInstance } from 'fastify';
import {
  healthHttpStatus,
  type Health,
  type Metrics,
  type VersionInfo,
} from '@legocity/observability';
import type { RouteTable } from '../http/route-kit.js';

export interface OpsDeps {
  health: Health;
  metrics: Metrics;
  version: () => VersionInfo;
}

/**
 * Operability endpoints every LegoCity server has: /health (summary), /health/live (no I/O),
 * /health/ready (checks the database), /metrics (Prometheus) and /version.
 */
export function registerOpsRoutes(app: FastifyInstance, routes: RouteTable, deps: OpsDeps): void {
  routes.register(app, {
    method: 'GET',
    url: '/health',
    query: [],
    async handler(_request, reply) {
      const summary = await deps.health.summary();
      return reply.code(healthHttpStatus(summary)).send(summary);
    },
  });
  routes.register(app, {
    method: 'GET',
    url: '/health/live',
    query: [],
    async handler(_request, reply) {
      return reply.send(deps.health.liveness());
    },
  });
  routes.register(app, {
    method: 'GET',
    url: '/health/ready',
    query: [],
    async handler(_request, reply) {
      const report = await deps.health.readiness();
      return reply.code(healthHttpStatus(report)).send(report);
    },
  });
  routes.register(app, {
    method: 'GET',
    url: '/metrics',
    query: [],
    async handler(_request, reply) {
      const { contentType, body } = await deps.metrics.render();
      return reply.type(contentType).send(body);
    },
  });
  routes.register(app, {
    method: 'GET',
    url: '/version',
    query: [],
    async handler(_request, reply) {
      return reply.send(deps.version());
    },
  });
}
