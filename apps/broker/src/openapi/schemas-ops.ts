import { schemaRef } from './operation-kit.js';
import type { SchemaObject } from './openapi-types.js';

const CHECK = {
  type: 'object',
  required: ['ok', 'critical', 'durationMs'],
  properties: {
    ok: { type: 'boolean' },
    critical: { type: 'boolean', description: 'A failing critical check fails readiness.' },
    durationMs: { type: 'number' },
    detail: { type: 'string' },
  },
};

/**
 * Payloads of the operability endpoints (/health, /version) and of @context management.
 * @example Object.assign(components.schemas, opsSchemas())
 */
export function opsSchemas(): Record<string, SchemaObject> {
  return {
    Liveness: { type: 'object', required: ['status'], properties: { status: { const: 'ok' } } },
    Readiness: {
      type: 'object',
      required: ['status', 'checks'],
      properties: {
        status: { type: 'string', enum: ['ok', 'fail'] },
        checks: {
          type: 'object',
          additionalProperties: CHECK,
          description: 'By check name (database…).',
        },
        shuttingDown: {
          const: true,
          description: 'Present while the broker drains before stopping.',
        },
      },
    },
    HealthSummary: {
      allOf: [schemaRef('Readiness')],
      type: 'object',
      required: ['version', 'commit', 'uptimeSeconds'],
      properties: {
        component: { type: 'string' },
        version: { type: 'string' },
        commit: { type: 'string' },
        uptimeSeconds: { type: 'integer', minimum: 0 },
      },
    },
    VersionInfo: {
      type: 'object',
      required: ['component', 'version', 'commit', 'node', 'startedAt', 'uptimeSeconds'],
      properties: {
        component: { type: 'string', example: 'broker' },
        version: { type: 'string' },
        commit: { type: 'string' },
        node: { type: 'string', example: 'v20.19.0' },
        startedAt: { type: 'string', format: 'date-time' },
        uptimeSeconds: { type: 'integer', minimum: 0 },
      },
    },
    ContextDetails: {
      type: 'object',
      description: 'Metadata of a stored @context (ETSI GS CIM 009 v1.8.1 §5.13.3.5).',
      required: ['URL', 'localId', 'kind', 'createdAt'],
      properties: {
        URL: {
          type: 'string',
          format: 'uri',
          description: 'Where the @context is served (Hosted) or was fetched from (Cached).',
        },
        localId: { type: 'string' },
        kind: { type: 'string', enum: ['Hosted', 'Cached', 'ImplicitlyCreated'] },
        createdAt: { type: 'string', format: 'date-time' },
        extraInfo: {
          type: 'object',
          properties: { fetchedAt: { type: 'string', format: 'date-time' } },
        },
      },
    },
    ContextDocument: {
      type: 'object',
      description: 'A JSON-LD document whose root member is "@context".',
      required: ['@context'],
      properties: {
        '@context': { oneOf: [{ type: 'object' }, { type: 'array' }, { type: 'string' }] },
      },
    },
  };
}
