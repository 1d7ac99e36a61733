import { readFileSync } from 'node:fs';
import {
  boolean,
  defineField,
  duration,
  formatDuration,
  integer,
  loadConfig,
  number,
  oneOf,
  parseDuration,
  path,
  string,
  url,
  type ConfigOf,
  type Field,
  type FieldOptions,
  type RequiredFieldOptions,
  type LoadConfigResult,
} from '@legocity/config';

/**
 * Every setting of the broker, read once at start-up from the environment (and *_FILE secrets).
 * The README's configuration table is generated from these descriptions.
 */
export const brokerConfigSchema = {
  port: integer({
    env: 'LEGOCITY_BROKER_PORT',
    min: 0,
    max: 65535,
    default: 1026,
    description: "TCP port of the NGSI-LD API (Orion-LD's port).",
  }),
  host: string({
    env: 'LEGOCITY_BROKER_HOST',
    default: '127.0.0.1',
    description:
      'Interface to listen on; 0.0.0.0 inside containers. The broker is meant to stay internal.',
  }),
  publicUrl: url({
    env: 'LEGOCITY_BROKER_PUBLIC_URL',
    protocols: ['http:', 'https:'],
    optional: true,
    description:
      'URL clients reach the broker at (used in hosted @context URLs). Default http://localhost:<port>.',
  }),
  databaseUrl: url({
    env: 'DATABASE_URL',
    protocols: ['postgres:', 'postgresql:'],
    optional: true,
    secret: true,
    description:
      'PostgreSQL + PostGIS connection string. Unset: the embedded database in the data folder.',
  }),
  dataDir: path({
    env: 'LEGOCITY_BROKER_DATA_DIR',
    default: '.legocity/broker',
    description:
      'Folder of the embedded database (used when DATABASE_URL is unset) and of the bootstrap admin key file `admin.key`.',
  }),
  poolSize: integer({
    env: 'LEGOCITY_BROKER_DB_POOL_SIZE',
    min: 1,
    max: 200,
    default: 16,
    description: 'PostgreSQL connections per broker process.',
  }),
  logLevel: oneOf(['debug', 'info', 'warn', 'error'] as const, {
    env: 'LEGOCITY_BROKER_LOG_LEVEL',
    default: 'info',
    description: 'Lowest log severity written.',
  }),
  bodyLimitBytes: integer({
    env: 'LEGOCITY_BROKER_BODY_LIMIT',
    min: 1024,
    max: 256 * 1024 * 1024,
    default: 32 * 1024 * 1024,
    description: 'Largest request body in bytes (413 beyond).',
  }),
  maxBatchEntities: integer({
    env: 'LEGOCITY_BROKER_MAX_BATCH',
    min: 1,
    max: 10_000,
    default: 1000,
    description: 'Most entities in one batch request.',
  }),
  maxQueryLimit: integer({
    env: 'LEGOCITY_BROKER_MAX_LIMIT',
    min: 1,
    max: 10_000,
    default: 1000,
    description: 'Largest `limit` of a query (403 TooManyResults beyond).',
  }),
  defaultQueryLimit: integer({
    env: 'LEGOCITY_BROKER_DEFAULT_LIMIT',
    min: 1,
    max: 10_000,
    default: 20,
    description: 'Page size when a query gives no `limit`.',
  }),
  temporalMaxInstances: integer({
    env: 'LEGOCITY_BROKER_TEMPORAL_MAX_INSTANCES',
    min: 1,
    max: 100_000,
    default: 1000,
    description:
      'Most instances (or aggregation periods) per attribute in one temporal answer; beyond, 206 Partial Content with Content-Range.',
  }),
  historyRetention: retention({
    env: 'LEGOCITY_BROKER_HISTORY_RETENTION',
    default: 90 * 86_400_000,
    description:
      'How long entity history (the temporal API) is kept, unless a tenant sets its own; 0 keeps it forever.',
  }),
  retentionInterval: duration({
    env: 'LEGOCITY_BROKER_RETENTION_INTERVAL',
    default: 600_000,
    description: 'How often the broker deletes history older than the retention period.',
  }),
  contextFetchTimeout: duration({
    env: 'LEGOCITY_BROKER_CONTEXT_TIMEOUT',
    default: 5_000,
    description: 'Time allowed to download a remote @context.',
  }),
  shutdownTimeout: duration({
    env: 'LEGOCITY_BROKER_SHUTDOWN_TIMEOUT',
    default: 15_000,
    description: 'Time allowed to drain requests on SIGTERM before exiting.',
  }),
  notifications: boolean({
    env: 'LEGOCITY_BROKER_NOTIFICATIONS',
    default: true,
    description:
      'false: deliver no notification — subscriptions are kept and changes wait in the outbox. For scratch copies (the restore drill runs its broker so), which must never call real endpoints.',
  }),
  notifyPoll: duration({
    env: 'LEGOCITY_BROKER_NOTIFY_POLL',
    default: 1_000,
    description:
      'How often the notifier looks for changes made by other broker processes and for due retries (commits of this process wake it at once).',
  }),
  notifyTimeout: duration({
    env: 'LEGOCITY_BROKER_NOTIFY_TIMEOUT',
    default: 10_000,
    description:
      'Time a notification endpoint has to answer, unless the subscription sets endpoint.timeout.',
  }),
  notifyMaxBackoff: duration({
    env: 'LEGOCITY_BROKER_NOTIFY_MAX_BACKOFF',
    default: 60_000,
    description:
      'Longest wait between retries of a failing notification endpoint (backoff doubles from 1 s).',
  }),
  notifyLease: duration({
    env: 'LEGOCITY_BROKER_NOTIFY_LEASE',
    default: 30_000,
    description:
      'How long a broker process holds a subscription while delivering; after a crash, another process delivers once it lapses.',
  }),
  notifyConcurrency: integer({
    env: 'LEGOCITY_BROKER_NOTIFY_CONCURRENCY',
    min: 1,
    max: 1000,
    default: 32,
    description: 'Subscriptions whose notifications one broker process delivers at the same time.',
  }),
  auth: oneOf(['on', 'off'] as const, {
    env: 'LEGOCITY_BROKER_AUTH',
    default: 'on',
    description:
      'API keys on every request but health, metrics, version and docs (docs/security.md). `off` is for local experiments only, and says so in the log.',
  }),
  adminKey: apiKey({
    env: 'LEGOCITY_BROKER_ADMIN_KEY',
    optional: true,
    secret: true,
    description:
      'An admin API key the deployment provides (stored hashed at start-up). Unset: a `bootstrap-admin` key is written to `<dataDir>/admin.key` when no admin key exists.',
  }),
  rateLimit: number({
    env: 'LEGOCITY_BROKER_RATE_LIMIT',
    min: 0,
    default: 2000,
    description:
      'Requests per second per API key and broker process (429 with Retry-After beyond); 0 = unlimited. A key may carry its own limit.',
  }),
  rateBurst: integer({
    env: 'LEGOCITY_BROKER_RATE_BURST',
    min: 1,
    optional: true,
    description:
      'Requests a key may send at once after being idle. Default: one second of its rate.',
  }),
  commit: string({
    env: 'LEGOCITY_COMMIT',
    optional: true,
    description: 'Git commit shown by /version and in logs (set by the build).',
  }),
};

export type BrokerConfig = ConfigOf<typeof brokerConfigSchema>;

/** A duration (`90d`, `12h`) in milliseconds, or `0` for "forever". */
function retention(
  options: RequiredFieldOptions<FieldOptions<number>, number>,
): Field<number, false> {
  return defineField<number>(
    {
      type: 'duration',
      parse: (raw) => {
        if (raw.trim() === '0') return { ok: true, value: 0 };
        const ms = parseDuration(raw);
        return ms === undefined
          ? { ok: false, message: 'must be a duration such as 30d or 12h, or 0 to keep forever' }
          : { ok: true, value: ms };
      },
      format: (ms) => (ms === 0 ? '0' : formatDuration(ms)),
    },
    options,
  ) as Field<number, false>;
}

/** A LegoCity API key (`lgc_<id>_<secret>`); the message never repeats the text (a secret). */
function apiKey(options: FieldOptions<string> & { optional: true }): Field<string, true> {
  return defineField<string>(
    {
      type: 'API key (lgc_<id>_<secret>)',
      parse: (raw) =>
        /^lgc_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/.test(raw.trim())
          ? { ok: true, value: raw.trim() }
          : { ok: false, message: 'must be a LegoCity API key: lgc_<16 hex>_<43 base64url>' },
    },
    options,
  ) as Field<string, true>;
}

/**
 * Read the broker's configuration from an environment (default: this process's).
 * @example const result = readBrokerConfig(); if (!result.ok) …
 */
export function readBrokerConfig(
  env: NodeJS.ProcessEnv = process.env,
): LoadConfigResult<BrokerConfig> {
  return loadConfig(brokerConfigSchema, { env, readFile: (file) => readFileSync(file, 'utf8') });
}
