import { DEFAULT_LIMITS, type BrokerLimits } from '../broker-context.js';
import { errorResponses, problemDetailsSchema } from './components-errors.js';
import { sharedHeaders, sharedParameters } from './components-parameters.js';
import { SPEC } from './operation-kit.js';
import type { OpenApiDocument, Paths } from './openapi-types.js';
import { batchPaths } from './paths-batch.js';
import { contextPaths } from './paths-contexts.js';
import { discoveryPaths } from './paths-discovery.js';
import { docsPaths } from './paths-docs.js';
import { entityPaths } from './paths-entities.js';
import { opsPaths } from './paths-ops.js';
import { adminPaths, adminSchemas } from './paths-admin.js';
import { backupPaths, backupSchemas } from './paths-backup.js';
import { withSecurity } from './security.js';
import { queryPaths } from './paths-query.js';
import { subscriptionPaths } from './paths-subscriptions.js';
import { temporalPaths } from './paths-temporal.js';
import { discoverySchemas } from './schemas-discovery.js';
import { entitySchemas } from './schemas-entity.js';
import { geoJsonSchemas } from './schemas-geojson.js';
import { opsSchemas } from './schemas-ops.js';
import { querySchemas } from './schemas-query.js';
import { resultSchemas } from './schemas-results.js';
import { subscriptionSchemas } from './schemas-subscription.js';

export interface OpenApiOptions {
  /** The broker version (package.json). */
  version: string;
  /** The public URL clients reach the broker at. */
  serverUrl: string;
  /** The limits the broker enforces; the defaults when not given. */
  limits?: BrokerLimits;
}

const DESCRIPTION = `The LegoCity context broker: the parts of the NGSI-LD API (${SPEC}) it implements, and its operability endpoints.

- **Media types** (§6.3.4): requests in application/json (with the @context in a Link header) or application/ld+json ("@context" in the body); PATCH /entities/{entityId} also takes application/merge-patch+json. Answers are application/json unless Accept asks for application/ld+json or, for entities, application/geo+json.
- **Tenants** (§6.3.14): the NGSILD-Tenant header selects one; without it, the default tenant.
- **Query parameters**: each operation takes exactly the ones listed; any other answers 400, and the spec's parameters this broker does not support answer 501. A parameter given twice answers 400.
- **Errors** are ProblemDetails (application/json) whose type is one of the NGSI-LD error types; a method not allowed on a known path answers 405 with an Allow header.
- Every answer carries X-Correlation-Id, also written in the broker log.`;

/**
 * The OpenAPI 3.1 description of every route the broker registers, with the public URL as
 * its server. The completeness test checks it against the RouteTable.
 * @example const document = buildOpenApiDocument({ version: '0.1.0', serverUrl: 'http://localhost:1026' })
 */
export function buildOpenApiDocument(options: OpenApiOptions): OpenApiDocument {
  const limits = options.limits ?? DEFAULT_LIMITS;
  return {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://spec.openapis.org/oas/3.1/dialect/base',
    info: {
      title: 'LegoCity NGSI-LD context broker',
      version: options.version,
      summary: `NGSI-LD (${SPEC}) entities, queries, batches, discovery, @context management, subscriptions and temporal history.`,
      description: DESCRIPTION,
      license: { name: 'Apache 2.0', identifier: 'Apache-2.0' },
    },
    servers: [{ url: options.serverUrl.replace(/\/+$/, ''), description: 'This broker' }],
    tags: [
      {
        name: 'Entities',
        description: 'Create, retrieve, change and delete one entity or its attributes.',
      },
      { name: 'Query', description: 'Find entities by type, id, attributes, q and geo-queries.' },
      {
        name: 'Temporal',
        description:
          'The history of entities: every change recorded, with time ranges, lastN and aggregation.',
      },
      {
        name: 'Batch',
        description: 'Create, upsert, update, merge or delete many entities in one request.',
      },
      { name: 'Discovery', description: 'Which entity types and attributes exist.' },
      { name: 'Contexts', description: 'Store and serve JSON-LD @contexts.' },
      {
        name: 'Subscriptions',
        description: 'Be notified (HTTP or MQTT) when matching entities change.',
      },
      {
        name: 'Admin',
        description: 'API keys, the audit log, backup and restore (admin scope only; not NGSI-LD).',
      },
      { name: 'Operations', description: 'Health, metrics and version (not NGSI-LD).' },
      { name: 'Documentation', description: 'This document and its docs page.' },
    ],
    paths: withSecurity(
      mergePaths([
        entityPaths(),
        queryPaths(),
        temporalPaths(),
        batchPaths(limits),
        discoveryPaths(),
        contextPaths(),
        subscriptionPaths(limits),
        adminPaths(),
        backupPaths(),
        opsPaths(),
        docsPaths(),
      ]),
    ),
    // Every operation needs an API key unless it says `security: []` (docs/security.md).
    security: [{ apiKey: [] }],
    components: {
      schemas: {
        ProblemDetails: problemDetailsSchema(),
        ...entitySchemas(),
        ...geoJsonSchemas(),
        ...resultSchemas(),
        ...discoverySchemas(),
        ...querySchemas(),
        ...opsSchemas(),
        ...adminSchemas(),
        ...backupSchemas(),
        ...subscriptionSchemas(),
      },
      parameters: sharedParameters(limits),
      headers: sharedHeaders(),
      responses: errorResponses(),
      securitySchemes: {
        apiKey: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'lgc_<keyId>_<secret>',
          description:
            'A LegoCity API key as `Authorization: Bearer <key>` (or the `X-API-Key` header). Scopes: admin; write (tenants, entity types); read (tenants). See docs/security.md.',
        },
      },
    },
  };
}

/** Path items from several areas; a path may gather methods from two of them (GET and POST /entities). */
function mergePaths(areas: Paths[]): Paths {
  const paths: Paths = {};
  for (const area of areas) {
    for (const [path, item] of Object.entries(area)) {
      const existing = paths[path] ?? {};
      for (const method of Object.keys(item)) {
        if (method in existing)
          throw new Error(`OpenAPI: ${method.toUpperCase()} ${path} is described twice`);
      }
      paths[path] = { ...existing, ...item };
    }
  }
  return paths;
}
