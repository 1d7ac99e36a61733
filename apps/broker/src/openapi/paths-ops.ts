import { content, operation, response, schemaRef } from './operation-kit.js';
import type { Paths } from './openapi-types.js';

const COMMON = { tag: 'Operations' } as const;

/**
 * Operability endpoints (not NGSI-LD), as registered by ops/routes.ts.
 * @example Object.assign(paths, opsPaths())
 */
export function opsPaths(): Paths {
  const json = (schema: string) => content(['application/json'], schemaRef(schema));
  return {
    '/health': {
      get: operation({
        ...COMMON,
        operationId: 'health',
        summary: 'Health summary',
        description: 'Readiness plus version, commit and uptime, for people and dashboards.',
        responses: {
          '200': response('Healthy.', { content: json('HealthSummary') }),
          '503': response('A critical check fails, or the broker is shutting down.', {
            content: json('HealthSummary'),
          }),
        },
      }),
    },
    '/health/live': {
      get: operation({
        ...COMMON,
        operationId: 'liveness',
        summary: 'Liveness probe',
        description:
          'Answers without any I/O while the process runs: a slow database does not get the broker restarted.',
        responses: { '200': response('Alive.', { content: json('Liveness') }) },
      }),
    },
    '/health/ready': {
      get: operation({
        ...COMMON,
        operationId: 'readiness',
        summary: 'Readiness probe',
        description:
          'Checks the database (results cached for a second). Route traffic here only on 200.',
        responses: {
          '200': response('Ready.', { content: json('Readiness') }),
          '503': response('Not ready: a critical check fails, or the broker is draining.', {
            content: json('Readiness'),
          }),
        },
      }),
    },
    '/metrics': {
      get: operation({
        ...COMMON,
        operationId: 'metrics',
        summary: 'Prometheus metrics',
        description:
          'Metrics in the Prometheus text format (legocity_broker_* and process metrics).',
        responses: {
          '200': response('The metrics.', { content: content(['text/plain'], { type: 'string' }) }),
        },
      }),
    },
    '/version': {
      get: operation({
        ...COMMON,
        operationId: 'version',
        summary: 'Version',
        description:
          'What is running: component, version, commit, Node.js version, start time and uptime.',
        responses: {
          '200': response('The version information.', { content: json('VersionInfo') }),
        },
      }),
    },
  };
}
