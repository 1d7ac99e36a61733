import {
  content,
  jsonBody,
  noContent,
  operation,
  queryParam,
  response,
  responseRef,
  schemaRef,
} from './operation-kit.js';
import type { ParameterObject, Paths, SchemaObject } from './openapi-types.js';

const COMMON = { tag: 'Admin' } as const;
const KEYS = '/admin/keys';
const KEY_ID: ParameterObject = {
  name: 'keyId',
  in: 'path',
  required: true,
  description: 'The key id: the 16 hexadecimal characters after `lgc_` in the key.',
  schema: { type: 'string', pattern: '^[0-9a-f]{16}$' },
};
const json = (schema: SchemaObject | ReturnType<typeof schemaRef>) =>
  content(['application/json'], schema);

/**
 * The admin API (auth/routes.ts): API keys and the audit log, admin scope only.
 * @example Object.assign(paths, adminPaths())
 */
export function adminPaths(): Paths {
  const withKeyId = (op: ReturnType<typeof operation>) => ({
    ...op,
    parameters: [KEY_ID, ...(op.parameters ?? [])],
  });
  return {
    [KEYS]: {
      post: operation({
        ...COMMON,
        operationId: 'createApiKey',
        summary: 'Create an API key',
        description:
          'Creates a key with the given scopes. The answer holds the key itself (`key`): the only time it is shown; the broker stores its SHA-256 only.',
        body: jsonBody('The new key.', schemaRef('ApiKeyRequest'), {
          mediaTypes: ['application/json'],
          examples: {
            updater: {
              value: {
                name: 'weather-updater',
                scopes: [
                  { access: 'write', tenants: ['default'], entityTypes: ['WeatherObserved'] },
                ],
                expiresAt: '2030-01-01T00:00:00Z',
              },
            },
          },
        }),
        responses: {
          '201': response('Created; `key` is shown this once.', {
            content: json(schemaRef('ApiKeyWithSecret')),
          }),
          '409': responseRef('Conflict'),
        },
      }),
      get: operation({
        ...COMMON,
        operationId: 'listApiKeys',
        summary: 'List API keys',
        description: 'Every key, revoked and expired ones included, newest first; never a secret.',
        responses: {
          '200': response('The keys.', {
            content: json({ type: 'array', items: schemaRef('ApiKey') }),
          }),
        },
      }),
    },
    [`${KEYS}/{keyId}`]: {
      get: withKeyId(
        operation({
          ...COMMON,
          operationId: 'retrieveApiKey',
          summary: 'Retrieve an API key',
          description: 'One key, never its secret.',
          responses: {
            '200': response('The key.', { content: json(schemaRef('ApiKey')) }),
            '404': responseRef('NotFound'),
          },
        }),
      ),
      delete: withKeyId(
        operation({
          ...COMMON,
          operationId: 'deleteApiKey',
          summary: 'Revoke an API key',
          description:
            'Revokes the key (the row stays for the audit log): refused within seconds by every broker process.',
          responses: { '204': noContent('Revoked.'), '404': responseRef('NotFound') },
        }),
      ),
    },
    [`${KEYS}/{keyId}/rotate`]: {
      post: withKeyId(
        operation({
          ...COMMON,
          operationId: 'rotateApiKey',
          summary: 'Rotate an API key',
          description:
            'Gives the key a new secret (shown this once). The previous secret keeps working for `overlap` (default 24 h), so clients switch without a failed request.',
          body: jsonBody('The overlap; send {} for the default.', schemaRef('RotateRequest'), {
            mediaTypes: ['application/json'],
            examples: { hour: { value: { overlap: 'PT1H' } } },
          }),
          responses: {
            '200': response('Rotated; `key` is shown this once.', {
              content: json(schemaRef('ApiKeyWithSecret')),
            }),
            '404': responseRef('NotFound'),
          },
        }),
      ),
    },
    [`${KEYS}/{keyId}/revoke`]: {
      post: withKeyId(
        operation({
          ...COMMON,
          operationId: 'revokeApiKey',
          summary: 'Revoke an API key',
          description:
            'Revokes the key: refused within seconds by every broker process. Revoking twice changes nothing.',
          responses: {
            '200': response('The revoked key.', { content: json(schemaRef('ApiKey')) }),
            '404': responseRef('NotFound'),
          },
        }),
      ),
    },
    '/admin/audit': {
      get: operation({
        ...COMMON,
        operationId: 'queryAuditEvents',
        summary: 'Audit log',
        description:
          'Key creations, rotations and revocations, and denied requests (401, 403, 429; one row per key and reason per 10 s, with a count), oldest first. Page with `after`.',
        query: [
          queryParam('limit', 'Events per page (1–1000).', {
            type: 'integer',
            minimum: 1,
            maximum: 1000,
            default: 100,
          }),
          queryParam('after', 'Only events with a larger id (the last id of the previous page).', {
            type: 'integer',
            minimum: 0,
            default: 0,
          }),
        ],
        responses: {
          '200': response('The events.', {
            content: json({ type: 'array', items: schemaRef('AuditEvent') }),
          }),
        },
      }),
    },
  };
}

const SCOPE: SchemaObject = {
  oneOf: [
    {
      type: 'object',
      required: ['access'],
      additionalProperties: false,
      properties: { access: { const: 'admin' } },
    },
    {
      type: 'object',
      required: ['access', 'tenants'],
      additionalProperties: false,
      properties: {
        access: { const: 'read' },
        tenants: {
          type: 'array',
          minItems: 1,
          items: { type: 'string' },
          description: 'Tenant names; "default" or "" for the default tenant, "*" for any.',
        },
      },
    },
    {
      type: 'object',
      required: ['access', 'tenants', 'entityTypes'],
      additionalProperties: false,
      properties: {
        access: { const: 'write' },
        tenants: { type: 'array', minItems: 1, items: { type: 'string' } },
        entityTypes: {
          type: 'array',
          minItems: 1,
          items: { type: 'string' },
          description:
            'Type names (expanded with the core @context) or IRIs; "*" for any. Write implies read on the tenants.',
        },
      },
    },
  ],
};

/**
 * Schemas of the admin API.
 * @example Object.assign(components.schemas, adminSchemas())
 */
export function adminSchemas(): Record<string, SchemaObject> {
  const time = { type: ['string', 'null'], format: 'date-time' };
  return {
    ApiKeyScope: SCOPE,
    ApiKeyRequest: {
      type: 'object',
      required: ['name', 'scopes'],
      additionalProperties: false,
      properties: {
        name: {
          type: 'string',
          minLength: 1,
          maxLength: 100,
          description: 'Unique among live keys.',
        },
        scopes: { type: 'array', minItems: 1, items: schemaRef('ApiKeyScope') },
        expiresAt: { type: 'string', format: 'date-time' },
        rateLimit: {
          type: 'number',
          minimum: 0,
          description: 'Requests/s for this key; 0 = unlimited.',
        },
      },
    },
    RotateRequest: {
      type: 'object',
      additionalProperties: false,
      properties: {
        overlap: {
          oneOf: [
            { type: 'string', description: 'ISO 8601 duration, e.g. PT24H' },
            { type: 'integer', minimum: 0, description: 'Seconds' },
          ],
        },
      },
    },
    ApiKey: {
      type: 'object',
      required: [
        'id',
        'name',
        'scopes',
        'status',
        'createdAt',
        'lastUsedAt',
        'expiresAt',
        'revokedAt',
      ],
      properties: {
        id: { type: 'string' },
        name: { type: 'string' },
        scopes: { type: 'array', items: schemaRef('ApiKeyScope') },
        status: { type: 'string', enum: ['active', 'expired', 'revoked'] },
        createdAt: { type: 'string', format: 'date-time' },
        createdBy: { type: 'string' },
        lastUsedAt: { ...time, description: 'Updated at most once a minute.' },
        expiresAt: time,
        revokedAt: time,
        previousSecretValidUntil: { type: 'string', format: 'date-time' },
        rateLimit: { type: 'number' },
      },
    },
    ApiKeyWithSecret: {
      allOf: [schemaRef('ApiKey')],
      type: 'object',
      required: ['key'],
      properties: { key: { type: 'string', description: 'lgc_<keyId>_<secret>: shown once.' } },
    },
    AuditEvent: {
      type: 'object',
      required: ['id', 'at', 'action', 'outcome', 'detail'],
      properties: {
        id: { type: 'string' },
        at: { type: 'string', format: 'date-time' },
        actorKeyId: { type: 'string' },
        actorName: { type: 'string' },
        action: {
          type: 'string',
          enum: [
            'key.created',
            'key.rotated',
            'key.revoked',
            'request.denied',
            'backup.created',
            'backup.restored',
          ],
        },
        target: { type: 'string' },
        outcome: { type: 'string', enum: ['success', 'denied'] },
        detail: { type: 'object' },
      },
    },
  };
}
