import { readFileSync } from 'node:fs';
import {
  duration,
  integer,
  loadConfig,
  oneOf,
  path,
  string,
  url,
  type ConfigOf,
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
    description: 'Folder of the embedded database (used when DATABASE_URL is unset).',
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
  commit: string({
    env: 'LEGOCITY_COMMIT',
    optional: true,
    description: 'Git commit shown by /version and in logs (set by the build).',
  }),
};

export type BrokerConfig = ConfigOf<typeof brokerConfigSchema>;

/**
 * Read the broker's configuration from an environment (default: this process's).
 * @example const result = readBrokerConfig(); if (!result.ok) …
 */
export function readBrokerConfig(
  env: NodeJS.ProcessEnv = process.env,
): LoadConfigResult<BrokerConfig> {
  return loadConfig(brokerConfigSchema, { env, readFile: (file) => readFileSync(file, 'utf8') });
}
