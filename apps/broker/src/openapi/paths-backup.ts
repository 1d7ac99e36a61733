import {
  content,
  operation,
  queryParam,
  response,
  responseRef,
  schemaRef,
} from './operation-kit.js';
import type { Paths, SchemaObject } from './openapi-types.js';

const COMMON = { tag: 'Admin' } as const;
const NDJSON = 'application/x-ndjson';
const json = (schema: SchemaObject | ReturnType<typeof schemaRef>) =>
  content(['application/json'], schema);

const DUMP_LINES = `NDJSON, one JSON value per line (decision 0010, docs/runbooks/broker.md):
1. the header \`{"format":"legocity-broker-dump","formatVersion":1,"brokerVersion","driver","createdAt","migrations":{"global":4,"tenants":{"<schema>":4}}}\`;
2. for every table of the global schema and of every tenant schema: \`{"table":{"schema","name","columns":[{"name","type"}]}}\`, one JSON array per row (each column's text form, null stays null) in primary-key order, then \`{"tableEnd":{"schema","name","rows","sha256"}}\` (SHA-256 over the row lines, each with its newline);
3. \`{"end":{"tables":[{"schema","name","rows","sha256"}],"entities":{"<tenant>":{"<type>":<count>}}}}\`. A dump without its end line is truncated.

Key hashes are in the dump: keep it as secret as the keys.`;

/**
 * Backup and restore (backup/routes.ts): admin scope only.
 * @example Object.assign(paths, backupPaths())
 */
export function backupPaths(): Paths {
  return {
    '/admin/backup': {
      get: operation({
        ...COMMON,
        operationId: 'backupBroker',
        summary: 'Back up the whole broker',
        description: `Streams a logical dump of the broker's whole state — entities, history, subscriptions and their outboxes, @contexts, tenants, API keys, audit events — read in ONE snapshot, consistent while writes go on (the embedded database answers nothing else meanwhile). Audited as \`backup.created\`.\n\n${DUMP_LINES}`,
        responses: {
          '200': response('The dump, streamed.', {
            content: { [NDJSON]: { schema: { type: 'string' } } },
          }),
        },
      }),
    },
    '/admin/backup/summary': {
      get: operation({
        ...COMMON,
        operationId: 'summariseBroker',
        summary: 'What a backup taken now would end with',
        description:
          "The `end` object of a dump taken now — every table's rows and SHA-256, entities by tenant and type — from one snapshot, without the rows. A restore drill compares it with the end line of the dump it restored: every table equal, except that the restore adds the caller's key (when the backup lacks it) to legocity.api_key and its own event to legocity.audit_event.",
        responses: {
          '200': response('The summary.', { content: json(schemaRef('BackupSummary')) }),
        },
      }),
    },
    '/admin/restore': {
      post: operation({
        ...COMMON,
        operationId: 'restoreBroker',
        summary: 'Restore a backup',
        description:
          "Restores a dump from GET /admin/backup, all or nothing, in one transaction: checks the format version, the migration levels (an older dump is restored, then migrated; a newer one is refused), every row's column count, every table's row count and SHA-256 and the end line, then reads everything back and compares. Any problem answers 400 naming the line and table, and nothing changes. After a restore the API keys are the backup's, plus the caller's own key (renamed `<name>-<id>` when a live key of the backup has its name). Audited as `backup.restored`.",
        query: [
          queryParam(
            'replace',
            "true: replace a broker that holds data. Without it, only an empty broker (no entities, history, subscriptions, tenants but the default, hosted @contexts or API keys but the caller's and the broker's own) is restored into.",
            { type: 'boolean', default: false },
          ),
        ],
        body: {
          description: 'The dump, as GET /admin/backup streamed it.',
          required: true,
          content: { [NDJSON]: { schema: { type: 'string' } } },
        },
        responses: {
          '200': response('Restored.', { content: json(schemaRef('RestoreResult')) }),
          '409': response(
            'The broker holds data (the detail and `found` count it, by kind) and `replace` is not true, or another restore is running.',
            { content: json(schemaRef('ProblemDetails')) },
          ),
          '422': responseRef('Unprocessable'),
        },
      }),
    },
  };
}

const TABLE: SchemaObject = {
  type: 'object',
  required: ['schema', 'name', 'rows', 'sha256'],
  properties: {
    schema: { type: 'string', examples: ['tenant_default'] },
    name: { type: 'string', examples: ['entity'] },
    rows: { type: 'integer', minimum: 0 },
    sha256: { type: 'string', pattern: '^[0-9a-f]{64}$' },
  },
};

const ENTITY_COUNTS: SchemaObject = {
  type: 'object',
  description:
    'Entities by tenant (`_default` for the default tenant), then by expanded type IRI (an entity with two types counts under both).',
  additionalProperties: { type: 'object', additionalProperties: { type: 'integer' } },
};

/**
 * Schemas of backup and restore.
 * @example Object.assign(components.schemas, backupSchemas())
 */
export function backupSchemas(): Record<string, SchemaObject> {
  return {
    BackupTable: TABLE,
    BackupSummary: {
      type: 'object',
      required: ['tables', 'entities'],
      properties: {
        tables: { type: 'array', items: schemaRef('BackupTable') },
        entities: ENTITY_COUNTS,
      },
    },
    RestoreResult: {
      type: 'object',
      required: ['tables', 'entities', 'durationMs', 'migrationsApplied'],
      properties: {
        tables: {
          type: 'array',
          items: {
            type: 'object',
            required: ['schema', 'name', 'rows'],
            properties: {
              schema: { type: 'string' },
              name: { type: 'string' },
              rows: { type: 'integer' },
            },
          },
        },
        entities: ENTITY_COUNTS,
        durationMs: { type: 'integer' },
        migrationsApplied: {
          type: 'integer',
          description: 'Tenant migrations run after loading a dump from an older broker.',
        },
        callerKey: {
          type: 'object',
          description:
            'The key that asked for the restore (absent when access control is off): `kept` when the restore added it because the backup did not let it in; `renamedFrom` when a live key of the backup had its name.',
          required: ['id', 'name', 'kept'],
          properties: {
            id: { type: 'string' },
            name: { type: 'string' },
            kept: { type: 'boolean' },
            renamedFrom: { type: 'string' },
          },
        },
      },
    },
  };
}
