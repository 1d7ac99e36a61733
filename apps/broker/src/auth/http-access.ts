import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { BrokerContext } from '../broker-context.js';
import type { AccessControl } from './access-control.js';
import type { Principal } from './authenticator.js';
import { requiredAccess } from './required-access.js';
import { REFUSE_ALL_WRITES } from './write-guard.js';

const principals = new WeakMap<FastifyRequest, Principal>();

/**
 * Check every request's key before its body is read (an onRequest hook): 401 with
 * WWW-Authenticate, 403, or 429 with Retry-After, all ProblemDetails via the app's error handler.
 * @example registerAccessControl(app, control)
 */
export function registerAccessControl(app: FastifyInstance, control: AccessControl): void {
  app.addHook('onRequest', async (request, reply) => {
    const path = request.url.split('?', 1)[0] ?? '';
    const admission = await control.admit({
      method: request.method,
      path,
      required: requiredAccess(
        request.method,
        request.routeOptions.url,
        request.headers['ngsild-tenant'],
      ),
      credential: credentialOf(request.headers),
    });
    if (!admission.ok) {
      if (admission.error.status === 401) reply.header('www-authenticate', 'Bearer');
      if (admission.retryAfterSeconds !== undefined)
        reply.header('retry-after', String(admission.retryAfterSeconds));
      throw admission.error;
    }
    if (admission.principal) principals.set(request, admission.principal);
  });
}

/**
 * The BrokerContext a request writes with: the broker's, carrying the caller's write guard.
 * Without a principal (a route that skipped the check) every write is refused: fail closed.
 * @example deps.forRequest = callerContextFactory(ctx, control)
 */
export function callerContextFactory(
  ctx: BrokerContext,
  control: AccessControl,
): (request: FastifyRequest) => BrokerContext {
  const path = (request: FastifyRequest) => request.url.split('?', 1)[0] ?? '';
  return (request) => {
    const principal = principals.get(request);
    const writeGuard = principal
      ? control.writeGuard(principal, request.method, path(request))
      : REFUSE_ALL_WRITES;
    return writeGuard ? { ...ctx, writeGuard } : ctx;
  };
}

/**
 * The API key of a request: `Authorization: Bearer <key>`, else `X-API-Key: <key>`.
 * @example credentialOf({ authorization: 'Bearer lgc_…' }) // 'lgc_…'
 */
export function credentialOf(
  headers: Record<string, string | string[] | undefined>,
): string | undefined {
  const authorization = first(headers.authorization);
  if (authorization !== undefined) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    // Another scheme (Basic…) is not a key: refuse it as malformed rather than ignore it.
    return match?.[1] ?? authorization;
  }
  return first(headers['x-api-key'])?.trim();
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/**
 * The key that made a request, when access control is on and the route is not open.
 * @example const actor = principalOf(request)
 */
export function principalOf(request: FastifyRequest): Principal | undefined {
  return principals.get(request);
}
