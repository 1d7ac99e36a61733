import type { Endpoint, PayloadHandler, PayloadRequest } from 'payload';
import { BrokerAdminError, invalidRequest, problemFromError } from './broker-admin-errors.js';
import type { KeyApiOptions } from './call-key-api.js';
import { createUpdateServerKey } from './create-update-server-key.js';
import { parseBrokerId } from './key-inputs.js';
import { listUpdateServerKeys } from './list-update-server-keys.js';
import { requireAdmin } from './require-admin.js';
import { revokeUpdateServerKey } from './revoke-update-server-key.js';
import { rotateUpdateServerKey } from './rotate-update-server-key.js';
import { testBrokerConnection } from './test-broker-connection.js';

/** What an operation gets once the requester is known to be an admin. */
interface AdminContext {
  req: PayloadRequest;
  brokerId: number;
}

interface Answer {
  status: number;
  body: unknown;
}

type Operation = (context: AdminContext) => Promise<Answer>;

// Every answer may hold key metadata or a new key: never cached anywhere.
const NO_STORE = { 'cache-control': 'no-store' };

/**
 * The broker collection's admin endpoints (Payload collection `endpoints`, below /api/brokers):
 * POST /:id/test-connection, GET and POST /:id/keys, POST /:id/keys/:keyId/rotate and
 * DELETE /:id/keys/:keyId. Each checks the admin role first, calls one operation, and answers
 * JSON (errors as ProblemDetails) with `Cache-Control: no-store`.
 * @example export const Brokers: CollectionConfig = { …, endpoints: createBrokerAdminEndpoints() };
 */
export function createBrokerAdminEndpoints(options: KeyApiOptions = {}): Endpoint[] {
  return [
    {
      path: '/:id/test-connection',
      method: 'post',
      handler: adminHandler(async ({ req, brokerId }) => ({
        status: 200,
        body: await testBrokerConnection(req.payload, brokerId, options),
      })),
    },
    {
      path: '/:id/keys',
      method: 'get',
      handler: adminHandler(async ({ req, brokerId }) => ({
        status: 200,
        body: { keys: await listUpdateServerKeys(req.payload, brokerId, options) },
      })),
    },
    {
      path: '/:id/keys',
      method: 'post',
      handler: adminHandler(async ({ req, brokerId }) => ({
        status: 201,
        body: await createUpdateServerKey(req.payload, brokerId, await jsonBody(req), options),
      })),
    },
    {
      path: '/:id/keys/:keyId/rotate',
      method: 'post',
      handler: adminHandler(async ({ req, brokerId }) => ({
        status: 200,
        body: await rotateUpdateServerKey(
          req.payload,
          brokerId,
          req.routeParams?.keyId,
          await jsonBody(req),
          options,
        ),
      })),
    },
    {
      path: '/:id/keys/:keyId',
      method: 'delete',
      handler: adminHandler(async ({ req, brokerId }) => ({
        status: 200,
        body: await revokeUpdateServerKey(req.payload, brokerId, req.routeParams?.keyId, options),
      })),
    },
  ];
}

/** The admin check, the broker id, and the one place errors become responses. */
function adminHandler(operation: Operation): PayloadHandler {
  return async (req) => {
    try {
      requireAdmin(req.user);
      const brokerId = parseBrokerId(req.routeParams?.id);
      if (!brokerId.ok) throw invalidRequest(brokerId.problems);
      const { status, body } = await operation({ req, brokerId: brokerId.value });
      return Response.json(body, { status, headers: NO_STORE });
    } catch (error) {
      if (!(error instanceof BrokerAdminError)) {
        req.payload.logger.error({ err: error, msg: 'broker admin request failed' });
      }
      const problem = problemFromError(error);
      return new Response(JSON.stringify(problem), {
        status: problem.status,
        headers: { ...NO_STORE, 'content-type': 'application/problem+json' },
      });
    }
  };
}

/** The request's JSON body; an empty body is `undefined`. */
async function jsonBody(req: PayloadRequest): Promise<unknown> {
  const text = typeof req.text === 'function' ? await req.text() : '';
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw invalidRequest([{ field: 'body', message: 'must be JSON' }]);
  }
}
