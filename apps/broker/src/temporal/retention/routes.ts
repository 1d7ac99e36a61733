import type { FastifyInstance, FastifyRequest } from 'fastify';
import { NgsiLdError } from '@legocity/ngsi-ld';
import { JSON } from '../../http/media-types.js';
import { bodyOf, pathParam, type RouteDeps, type RouteTable } from '../../http/route-kit.js';
import { DEFAULT_TENANT, checkTenantName } from '../../tenants/tenant-name.js';
import {
  getHistoryRetention,
  parseRetentionBody,
  setHistoryRetention,
} from './history-retention.js';

/** How the default tenant (no NGSILD-Tenant header) is named in admin paths: never a tenant name. */
export const DEFAULT_TENANT_SEGMENT = '_default';

export const RETENTION_PATH = '/admin/tenants/:tenant/history-retention';

/**
 * Admin API for a tenant's history retention (not NGSI-LD): GET and PUT
 * /admin/tenants/{tenant}/history-retention with `{ "retention": "P30D" }`. The /admin prefix is
 * guarded by the admin scope elsewhere (auth hook).
 */
export function registerHistoryRetentionRoutes(
  app: FastifyInstance,
  routes: RouteTable,
  deps: RouteDeps,
): void {
  routes.register(app, {
    method: 'GET',
    url: RETENTION_PATH,
    query: [],
    async handler(request, reply) {
      const retention = await getHistoryRetention(deps.ctx, tenantParam(request));
      return reply.type(JSON).send(retention);
    },
  });

  routes.register(app, {
    method: 'PUT',
    url: RETENTION_PATH,
    query: [],
    hasBody: true,
    async handler(request, reply) {
      const seconds = parseRetentionBody(bodyOf(request));
      const retention = await setHistoryRetention(deps.ctx, tenantParam(request), seconds);
      return reply.type(JSON).send(retention);
    },
  });
}

function tenantParam(request: FastifyRequest): string {
  const segment = pathParam(request, 'tenant');
  if (segment === DEFAULT_TENANT_SEGMENT) return DEFAULT_TENANT;
  const problem = checkTenantName(segment);
  if (problem) {
    throw new NgsiLdError(
      'BadRequestData',
      `Tenant '${segment}' ${problem.message} (${DEFAULT_TENANT_SEGMENT} is the default tenant)`,
      {
        field: 'tenant',
      },
    );
  }
  return segment;
}
