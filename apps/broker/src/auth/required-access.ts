import { DEFAULT_TENANT } from '../tenants/tenant-name.js';

/** What a request needs from its key. */
export type RequiredAccess =
  | { kind: 'open' }
  | { kind: 'key' }
  | { kind: 'admin' }
  | { kind: 'read'; tenant: string }
  | { kind: 'write'; tenant: string }
  | { kind: 'write-any-tenant' };

const OPEN = new Set([
  '/health',
  '/health/live',
  '/health/ready',
  '/metrics',
  '/version',
  '/ngsi-ld/v1/openapi.json',
]);
const READ_POSTS = new Set([
  '/ngsi-ld/v1/entityOperations/query',
  '/ngsi-ld/v1/temporal/entityOperations/query',
]);

/**
 * Whether a route needs no API key (health, metrics, version, the API document and docs page).
 * @example isOpenRoute('/metrics') // true
 */
export function isOpenRoute(route: string): boolean {
  return OPEN.has(route) || route.startsWith('/ngsi-ld/v1/docs');
}

/**
 * The access a request needs, from its method and the route it matched (the registered pattern,
 * so that percent-encoding or trailing slashes cannot dodge a rule). A request that matched no
 * route needs any valid key (it then gets its 404 or 405). See docs/security.md.
 * @example requiredAccess('GET', '/ngsi-ld/v1/entities/:entityId', 'city') // { kind: 'read', tenant: 'city' }
 */
export function requiredAccess(
  method: string,
  route: string | undefined,
  tenantHeader: string | string[] | undefined,
): RequiredAccess {
  if (route === undefined || route === '') return { kind: 'key' };
  if (isOpenRoute(route)) return { kind: 'open' };
  if (route.startsWith('/admin/')) return { kind: 'admin' };
  const tenant = tenantOfHeader(tenantHeader);
  const isRead = method === 'GET' || method === 'HEAD';
  // Consumers (the dashboard) subscribe with their read key.
  if (route.startsWith('/ngsi-ld/v1/subscriptions')) return { kind: 'read', tenant };
  // Stored @contexts are broker-wide.
  if (route.startsWith('/ngsi-ld/v1/jsonldContexts') && !isRead)
    return { kind: 'write-any-tenant' };
  if (isRead || (method === 'POST' && READ_POSTS.has(route))) return { kind: 'read', tenant };
  return { kind: 'write', tenant };
}

function tenantOfHeader(header: string | string[] | undefined): string {
  if (header === undefined) return DEFAULT_TENANT;
  return Array.isArray(header) ? (header[0] ?? DEFAULT_TENANT) : header;
}
