import type { FastifyInstance, FastifyRequest } from 'fastify';
import { NgsiLdError, type Parsed } from '@legocity/ngsi-ld';
import { JSON } from '../http/media-types.js';
import { bodyOf, pathParam, type RouteTable } from '../http/route-kit.js';
import type { Database } from '../storage/database.js';
import type { Authenticator } from './authenticator.js';
import { createApiKey } from './create-api-key.js';
import { formatApiKey } from './format-api-key.js';
import { principalOf } from './http-access.js';
import type { KeyAdminContext } from './key-admin-context.js';
import { listApiKeys } from './list-api-keys.js';
import {
  parseAuditQuery,
  parseCreateKeyRequest,
  parseRotateRequest,
} from './parse-key-requests.js';
import { queryAuditEvents } from './query-audit-events.js';
import { retrieveApiKey } from './retrieve-api-key.js';
import { revokeApiKey } from './revoke-api-key.js';
import { rotateApiKey } from './rotate-api-key.js';

export interface AdminRouteDeps {
  db: Database;
  authenticator: Pick<Authenticator, 'forget'>;
}

const KEYS = '/admin/keys';
const KEY_ID = /^[0-9a-f]{16}$/;

/**
 * The admin API (admin scope only, see auth/required-access.ts): API keys and the audit log.
 * JSON in and out; errors are ProblemDetails. Not NGSI-LD.
 */
export function registerAdminRoutes(
  app: FastifyInstance,
  routes: RouteTable,
  deps: AdminRouteDeps,
): void {
  const adminOf = (request: FastifyRequest): KeyAdminContext => {
    const principal = principalOf(request);
    return {
      db: deps.db,
      authenticator: deps.authenticator,
      now: () => new Date(),
      actor: principal && { keyId: principal.keyId, name: principal.name },
    };
  };

  routes.register(app, {
    method: 'POST',
    url: KEYS,
    query: [],
    hasBody: true,
    async handler(request, reply) {
      const admin = adminOf(request);
      const parsed = valid(parseCreateKeyRequest(bodyOf(request), admin.now()));
      const { record, key } = await createApiKey(admin, parsed);
      const view = formatApiKey(record, admin.now());
      return reply
        .code(201)
        .header('location', `${KEYS}/${record.id}`)
        .type(JSON)
        .send({ ...view, key });
    },
  });

  routes.register(app, {
    method: 'GET',
    url: KEYS,
    query: [],
    async handler(request, reply) {
      const admin = adminOf(request);
      const records = await listApiKeys(admin);
      const now = admin.now();
      return reply.type(JSON).send(records.map((record) => formatApiKey(record, now)));
    },
  });

  routes.register(app, {
    method: 'GET',
    url: `${KEYS}/:keyId`,
    query: [],
    async handler(request, reply) {
      const admin = adminOf(request);
      const record = await retrieveApiKey(admin, keyIdParam(request));
      return reply.type(JSON).send(formatApiKey(record, admin.now()));
    },
  });

  routes.register(app, {
    method: 'POST',
    url: `${KEYS}/:keyId/rotate`,
    query: [],
    hasBody: true,
    async handler(request, reply) {
      const admin = adminOf(request);
      const { overlapMs } = valid(parseRotateRequest(bodyOf(request)));
      const { record, key } = await rotateApiKey(admin, keyIdParam(request), overlapMs);
      return reply.type(JSON).send({ ...formatApiKey(record, admin.now()), key });
    },
  });

  routes.register(app, {
    method: 'POST',
    url: `${KEYS}/:keyId/revoke`,
    query: [],
    async handler(request, reply) {
      const admin = adminOf(request);
      const record = await revokeApiKey(admin, keyIdParam(request));
      return reply.type(JSON).send(formatApiKey(record, admin.now()));
    },
  });

  routes.register(app, {
    method: 'DELETE',
    url: `${KEYS}/:keyId`,
    query: [],
    async handler(request, reply) {
      await revokeApiKey(adminOf(request), keyIdParam(request));
      return reply.code(204).send();
    },
  });

  routes.register(app, {
    method: 'GET',
    url: '/admin/audit',
    query: ['limit', 'after'],
    async handler(request, reply, query) {
      const page = valid(parseAuditQuery(query));
      return reply.type(JSON).send(await queryAuditEvents(adminOf(request), page));
    },
  });
}

function valid<T>(parsed: Parsed<T>): T {
  if (!parsed.ok) throw NgsiLdError.fromProblems('BadRequestData', parsed.problems);
  return parsed.value;
}

function keyIdParam(request: FastifyRequest): string {
  const id = pathParam(request, 'keyId');
  if (!KEY_ID.test(id)) {
    // Not echoed: a whole key pasted by mistake must not come back in a response or a log.
    throw new NgsiLdError('BadRequestData', 'keyId: must be 16 hexadecimal characters', {
      field: 'keyId',
    });
  }
  return id;
}
