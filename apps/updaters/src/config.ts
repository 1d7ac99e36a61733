import { readFileSync } from 'node:fs';
import {
  boolean,
  duration,
  integer,
  list,
  loadConfig,
  oneOf,
  path,
  string,
  readRawValue,
  url,
  type ConfigOf,
  type ConfigProblem,
  type LoadConfigResult,
} from '@legocity/config';

/**
 * Settings of the update-server host, read once at start-up (`LEGOCITY_UPDATERS_*`). Each source
 * has its own settings beside its code (src/sources/<id>/config.ts).
 */
export const updatersConfigSchema = {
  port: integer({
    env: 'LEGOCITY_UPDATERS_PORT',
    min: 0,
    max: 65535,
    default: 4041,
    description: 'TCP port of /health, /metrics and /version (the IoT Agent north port).',
  }),
  host: string({
    env: 'LEGOCITY_UPDATERS_HOST',
    default: '127.0.0.1',
    description: 'Interface to listen on; 0.0.0.0 inside containers.',
  }),
  sources: list({
    env: 'LEGOCITY_UPDATERS_SOURCES',
    default: ['simulator', 'mqtt'],
    description:
      'Sources to run, comma-separated: simulator, mqtt, weather, air-quality, gbfs, open-data.',
  }),
  brokerUrl: url({
    env: 'LEGOCITY_UPDATERS_BROKER_URL',
    protocols: ['http:', 'https:'],
    default: 'http://127.0.0.1:1026',
    description: 'Origin of the NGSI-LD broker the sources write to.',
  }),
  tenant: string({
    env: 'LEGOCITY_UPDATERS_TENANT',
    optional: true,
    description: 'NGSILD-Tenant the sources write to. Unset: the default tenant.',
  }),
  brokerAdminKey: string({
    env: 'LEGOCITY_UPDATERS_BROKER_ADMIN_KEY',
    optional: true,
    secret: true,
    description:
      "An admin key of the broker, used only to create each source's own write key when it has none (`<dataDir>/keys/<source>.key`). `_FILE` points at a file, e.g. the broker's `.legocity/broker/admin.key`.",
  }),
  dataDir: path({
    env: 'LEGOCITY_UPDATERS_DATA_DIR',
    default: '.legocity/updaters',
    description:
      "Folder of the sources' outboxes, idempotence state and write keys (keep it on persistent storage).",
  }),
  mqttUrl: url({
    env: 'LEGOCITY_UPDATERS_MQTT_URL',
    protocols: ['mqtt:', 'mqtts:'],
    optional: true,
    description:
      'MQTT server of the sensors and the simulator. Unset: an embedded MQTT server on 127.0.0.1:1883.',
  }),
  embeddedMqttPort: integer({
    env: 'LEGOCITY_UPDATERS_EMBEDDED_MQTT_PORT',
    min: 0,
    max: 65535,
    default: 1883,
    description:
      'Port of the embedded MQTT server (used when LEGOCITY_UPDATERS_MQTT_URL is unset).',
  }),
  logLevel: oneOf(['debug', 'info', 'warn', 'error'] as const, {
    env: 'LEGOCITY_UPDATERS_LOG_LEVEL',
    default: 'info',
    description: 'Least severe log level written.',
  }),
  authRetry: duration({
    env: 'LEGOCITY_UPDATERS_AUTH_RETRY',
    default: 60_000,
    description:
      'How long a source whose key the broker refuses (401/403) waits before it writes again; its data waits in its outbox meanwhile.',
  }),
  shutdownTimeout: duration({
    env: 'LEGOCITY_UPDATERS_SHUTDOWN_TIMEOUT',
    default: 15_000,
    description: 'Time allowed to flush outboxes and stop sources on SIGTERM before exiting.',
  }),
  commit: string({
    env: 'LEGOCITY_COMMIT',
    optional: true,
    description: 'Git commit reported by /version (set by image builds).',
  }),
  demo: boolean({
    env: 'LEGOCITY_UPDATERS_DEMO',
    default: false,
    description:
      'Demo city mode (what `npm start` sets): the simulator publishes its sensors and provisions them for the MQTT source.',
  }),
  once: boolean({
    env: 'LEGOCITY_UPDATERS_ONCE',
    default: false,
    description:
      'Run every source once, deliver what it made to the broker, log a report and exit (what `legocity seed` runs); polled sources only, no HTTP server.',
  }),
  onceTimeout: duration({
    env: 'LEGOCITY_UPDATERS_ONCE_TIMEOUT',
    default: 120_000,
    description:
      'With LEGOCITY_UPDATERS_ONCE: how long the run and delivery may take before it fails.',
  }),
};

export type UpdatersConfig = ConfigOf<typeof updatersConfigSchema>;

/**
 * Read the host's configuration from an environment (default: this process's).
 * @example const result = readUpdatersConfig(); if (!result.ok) print(formatProblems(result.problems));
 */
export function readUpdatersConfig(
  env: NodeJS.ProcessEnv = process.env,
): LoadConfigResult<UpdatersConfig> {
  return loadConfig(updatersConfigSchema, { env, readFile: (file) => readFileSync(file, 'utf8') });
}

/**
 * The write key the operator gave one source, `LEGOCITY_UPDATERS_<SOURCE>_KEY` (or `…_KEY_FILE`):
 * the key, undefined when not given, or the problem with it.
 * @example configuredSourceKey('air-quality') // reads LEGOCITY_UPDATERS_AIR_QUALITY_KEY
 */
export function configuredSourceKey(
  sourceId: string,
  env: NodeJS.ProcessEnv = process.env,
): { ok: true; key: string | undefined } | { ok: false; problem: ConfigProblem } {
  const variable = `LEGOCITY_UPDATERS_${sourceId.toUpperCase().replace(/-/g, '_')}_KEY`;
  const raw = readRawValue(variable, { env, readFile: (file) => readFileSync(file, 'utf8') });
  if (raw.kind === 'problem')
    return { ok: false, problem: { variable: raw.variable, message: raw.message } };
  return { ok: true, key: raw.kind === 'text' ? raw.text.trim() : undefined };
}
