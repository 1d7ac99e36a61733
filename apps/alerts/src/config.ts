import { readFileSync } from 'node:fs';
import {
  defineField,
  duration,
  formatDuration,
  integer,
  loadConfig,
  number,
  oneOf,
  path,
  string,
  url,
  type ConfigOf,
  type Field,
  type LoadConfigResult,
} from '@legocity/config';
import { messages } from './messages.js';
import type { Component, Thresholds } from './rules/rule.js';

const COMPONENTS = ['broker', 'updaters', 'dashboard'] as const;
type WatchedComponent = Extract<Component, (typeof COMPONENTS)[number]>;

const ratio = (env: string, fallback: number, description: string) =>
  number({ env, min: 0, max: 1, default: fallback, description });

/** A duration of at least `minMs` (a range window: PromQL refuses an empty one). */
function atLeast(
  minMs: number,
  options: { env: string; default: number; description: string },
): Field<number, false> {
  const field = duration(options);
  const minimum = formatDuration(minMs);
  return {
    ...field,
    type: `duration (at least ${minimum})`,
    parse: (raw: string) => {
      const parsed = field.parse(raw);
      return parsed.ok && parsed.value < minMs
        ? { ok: false as const, message: messages.durationTooShort(minimum) }
        : parsed;
    },
  };
}

/**
 * Settings of the alerts service, read once at start-up (`LEGOCITY_ALERTS_*`). The thresholds
 * also go into the Prometheus rules that `npm run docs:alerts -- --out <file>` writes.
 */
export const alertsConfigSchema = {
  port: integer({
    env: 'LEGOCITY_ALERTS_PORT',
    min: 0,
    max: 65535,
    default: 4042,
    description: 'TCP port of /alerts, /health, /metrics and /version.',
  }),
  host: string({
    env: 'LEGOCITY_ALERTS_HOST',
    default: '127.0.0.1',
    description: 'Interface to listen on; 0.0.0.0 inside containers.',
  }),
  // A field of our own: @legocity/config's list() accepts any word, and a typo here would
  // silently stop watching a component.
  targets: defineField<WatchedComponent[]>(
    {
      type: `list of: ${COMPONENTS.join(', ')}`,
      parse: (raw) => {
        const names = raw
          .split(',')
          .map((name) => name.trim().toLowerCase())
          .filter(Boolean);
        const isKnown = (name: string): name is WatchedComponent =>
          (COMPONENTS as readonly string[]).includes(name);
        return names.length > 0 && names.every(isKnown)
          ? { ok: true, value: [...new Set(names)] }
          : { ok: false, message: messages.targetsInvalid(COMPONENTS) };
      },
      format: (value) => value.join(','),
    },
    {
      env: 'LEGOCITY_ALERTS_TARGETS',
      default: [...COMPONENTS],
      description: 'Components to scrape and watch (a component left out gets no alerts).',
    },
  ) as Field<WatchedComponent[], false>,
  brokerUrl: url({
    env: 'LEGOCITY_ALERTS_BROKER_URL',
    default: 'http://127.0.0.1:1026',
    description: 'Origin of the broker, whose /metrics is scraped.',
  }),
  updatersUrl: url({
    env: 'LEGOCITY_ALERTS_UPDATERS_URL',
    default: 'http://127.0.0.1:4041',
    description: "Origin of the update servers' /metrics.",
  }),
  dashboardUrl: url({
    env: 'LEGOCITY_ALERTS_DASHBOARD_URL',
    default: 'http://127.0.0.1:3000',
    description: "Origin of the dashboard's /metrics.",
  }),
  interval: duration({
    env: 'LEGOCITY_ALERTS_INTERVAL',
    default: 15_000,
    description: 'How often every target is scraped and every rule evaluated (Prometheus default).',
  }),
  scrapeTimeout: duration({
    env: 'LEGOCITY_ALERTS_SCRAPE_TIMEOUT',
    default: 5_000,
    description:
      'Time a target has to answer /metrics; a slower one counts as down for that round.',
  }),
  webhookUrl: url({
    env: 'LEGOCITY_ALERTS_WEBHOOK_URL',
    optional: true,
    secret: true,
    description:
      'Where alert state changes and heartbeats are POSTed (Alertmanager webhook JSON). May hold a token: never logged. Unset: no messages are sent.',
  }),
  heartbeatInterval: duration({
    env: 'LEGOCITY_ALERTS_HEARTBEAT_INTERVAL',
    default: 3_600_000,
    description:
      'How often the always-firing LegoCityHeartbeat is sent to the webhook; 0 sends none.',
  }),
  dataDir: path({
    env: 'LEGOCITY_ALERTS_DATA_DIR',
    default: '.legocity',
    description: 'Folder whose disk is watched (the data of every component).',
  }),
  backupDir: path({
    env: 'LEGOCITY_ALERTS_BACKUP_DIR',
    default: '.legocity/backups',
    description:
      'Folder where `legocity backup` writes `last-backup.json`; its disk is watched too.',
  }),
  backupMaxAge: duration({
    env: 'LEGOCITY_ALERTS_BACKUP_MAX_AGE',
    default: 26 * 3_600_000,
    description: 'Age of the newest successful backup past which LegoCityBackupTooOld fires.',
  }),
  outboxMaxAge: duration({
    env: 'LEGOCITY_ALERTS_OUTBOX_MAX_AGE',
    default: 10 * 60_000,
    description:
      "Age of the oldest entity waiting in a source's outbox past which LegoCityUpdateOutboxStuck fires.",
  }),
  keyRefusedWindow: atLeast(1_000, {
    env: 'LEGOCITY_ALERTS_KEY_REFUSED_WINDOW',
    default: 5 * 60_000,
    description:
      "How long a refused (401/403) write of a source keeps LegoCityUpdateSourceKeyRefused active; keep it longer than the update servers' LEGOCITY_UPDATERS_AUTH_RETRY.",
  }),
  thresholds: {
    errorRatio: ratio(
      'LEGOCITY_ALERTS_ERROR_RATIO',
      0.05,
      'Share of 5xx answers (broker, dashboard) over 5 minutes that fires an alert.',
    ),
    entityDropRatio: ratio(
      'LEGOCITY_ALERTS_ENTITY_DROP_RATIO',
      0.2,
      "Share of a type's entities lost within an hour that fires LegoCityEntityCountDropped.",
    ),
    entityGrowthFactor: number({
      env: 'LEGOCITY_ALERTS_ENTITY_GROWTH_FACTOR',
      min: 1,
      default: 2,
      description: 'Growth of a type over 24 hours (×) that counts as unbounded.',
    }),
    diskMinAvailableRatio: ratio(
      'LEGOCITY_ALERTS_DISK_MIN_AVAILABLE',
      0.1,
      'Free share of a watched disk under which LegoCityDiskSpaceLow fires.',
    ),
    memoryMinAvailableRatio: ratio(
      'LEGOCITY_ALERTS_MEMORY_MIN_AVAILABLE',
      0.1,
      'Available share of memory under which LegoCityMemoryLow fires.',
    ),
  },
  logLevel: oneOf(['debug', 'info', 'warn', 'error'] as const, {
    env: 'LEGOCITY_ALERTS_LOG_LEVEL',
    default: 'info',
    description: 'Lowest log severity written.',
  }),
  shutdownTimeout: duration({
    env: 'LEGOCITY_ALERTS_SHUTDOWN_TIMEOUT',
    default: 10_000,
    description:
      'Time allowed on SIGTERM to finish an evaluation and deliver queued webhook messages.',
  }),
  commit: string({
    env: 'LEGOCITY_COMMIT',
    optional: true,
    description: 'Git commit shown by /version and in logs (set by the build).',
  }),
};

export type AlertsConfig = ConfigOf<typeof alertsConfigSchema>;

/**
 * Read the alerts service's configuration from an environment (default: this process's).
 * @example const result = readAlertsConfig(); if (!result.ok) print(formatProblems(result.problems));
 */
export function readAlertsConfig(
  env: NodeJS.ProcessEnv = process.env,
): LoadConfigResult<AlertsConfig> {
  return loadConfig(alertsConfigSchema, { env, readFile: (file) => readFileSync(file, 'utf8') });
}

/**
 * The rule thresholds of a configuration.
 * @example thresholdsOf(config).backupMaxAgeSeconds // 93600
 */
export function thresholdsOf(config: AlertsConfig): Thresholds {
  return {
    ...config.thresholds,
    backupMaxAgeSeconds: Math.round(config.backupMaxAge / 1000),
    outboxMaxAgeSeconds: config.outboxMaxAge / 1000,
    keyRefusedWindowSeconds: config.keyRefusedWindow / 1000,
  };
}

/**
 * The thresholds when nothing is configured: those of the committed rules file.
 * @example defaultThresholds().errorRatio // 0.05
 */
export function defaultThresholds(): Thresholds {
  const loaded = readAlertsConfig({});
  if (!loaded.ok) throw new Error('the alerts configuration defaults are invalid');
  return thresholdsOf(loaded.value);
}
