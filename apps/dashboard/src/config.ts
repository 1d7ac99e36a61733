import { readFileSync } from 'node:fs';
import {
  boolean,
  formatProblems,
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
 * Every setting of the dashboard, read once at start-up from the environment (and *_FILE
 * secrets). `PAYLOAD_SECRET` keeps the framework's own name.
 */
export const dashboardConfigSchema = {
  port: integer({
    env: 'LEGOCITY_DASHBOARD_PORT',
    min: 0,
    max: 65535,
    default: 3000,
    description: 'TCP port of the dashboard and CMS (pass it to `next start -p`).',
  }),
  host: string({
    env: 'LEGOCITY_DASHBOARD_HOST',
    default: '127.0.0.1',
    description: 'Interface to listen on; 0.0.0.0 inside containers.',
  }),
  databaseUrl: url({
    env: 'LEGOCITY_DASHBOARD_DATABASE_URL',
    protocols: ['postgres:', 'postgresql:', 'file:'],
    optional: true,
    secret: true,
    description:
      'CMS database: a PostgreSQL connection string, or a `file:` SQLite URL. Unset: SQLite file `payload.db` in the data folder.',
  }),
  dataDir: path({
    env: 'LEGOCITY_DASHBOARD_DATA_DIR',
    default: '.legocity/dashboard',
    description:
      'Folder of the SQLite database (when LEGOCITY_DASHBOARD_DATABASE_URL is unset) and of the generated `payload-secret` file.',
  }),
  brokerUrl: url({
    env: 'LEGOCITY_DASHBOARD_BROKER_URL',
    default: 'http://127.0.0.1:1026',
    description: 'Internal URL of the default broker, checked by /health (non-critical).',
  }),
  brokerAdminKey: string({
    env: 'LEGOCITY_DASHBOARD_BROKER_ADMIN_KEY',
    optional: true,
    secret: true,
    description:
      "The broker's admin key, used once by the demo seed to create the dashboard's read key (stored encrypted on the demo broker, with this key, for the update-server keys view). Also read from `LEGOCITY_DASHBOARD_BROKER_ADMIN_KEY_FILE`.",
  }),
  demo: boolean({
    env: 'LEGOCITY_DASHBOARD_DEMO',
    default: false,
    description:
      'Seed the demo city on first start (no map view yet): a broker, the public map `da-nang`, the public page `home`, the private page `operations`, and the first admin.',
  }),
  adminEmail: string({
    env: 'LEGOCITY_DASHBOARD_ADMIN_EMAIL',
    default: 'admin@legocity.local',
    description:
      'Demo seed: e-mail of the first admin, created only when no user exists; its random password is written to `<dataDir>/admin-password` (mode 0600), never logged.',
  }),
  notifyUrl: url({
    env: 'LEGOCITY_DASHBOARD_NOTIFY_URL',
    optional: true,
    description:
      'URL the broker posts live-update notifications to. Unset: `http://127.0.0.1:<port>/api/data/notify` (broker on the same machine).',
  }),
  alertsUrl: url({
    env: 'LEGOCITY_DASHBOARD_ALERTS_URL',
    protocols: ['http:', 'https:'],
    default: 'http://127.0.0.1:4042',
    description:
      "Internal URL of the alert evaluator; the admin's dashboard lists its firing alerts (read server-side).",
  }),
  logLevel: oneOf(['debug', 'info', 'warn', 'error'] as const, {
    env: 'LEGOCITY_DASHBOARD_LOG_LEVEL',
    default: 'info',
    description: 'Lowest log severity written.',
  }),
  payloadSecret: string({
    env: 'PAYLOAD_SECRET',
    optional: true,
    secret: true,
    description:
      "Payload's signing secret (also the key the broker keys are encrypted with). Unset: generated once into `<dataDir>/payload-secret` (mode 0600).",
  }),
  commit: string({
    env: 'LEGOCITY_COMMIT',
    optional: true,
    description: 'Git commit shown by /version and in logs (set by the build).',
  }),
};

export type DashboardConfig = ConfigOf<typeof dashboardConfigSchema>;

/**
 * Read the dashboard's configuration from an environment (default: this process's).
 * @example const result = readDashboardConfig(); if (!result.ok) …
 */
export function readDashboardConfig(
  env: NodeJS.ProcessEnv = process.env,
): LoadConfigResult<DashboardConfig> {
  return loadConfig(dashboardConfigSchema, {
    env,
    readFile: (file) => readFileSync(file, 'utf8'),
  });
}

/**
 * The dashboard's configuration, or an error listing every problem by variable name (Next and
 * the Payload CLI load the config in-process, so this throws instead of exiting).
 * @example const config = requireDashboardConfig();
 */
export function requireDashboardConfig(env: NodeJS.ProcessEnv = process.env): DashboardConfig {
  const result = readDashboardConfig(env);
  if (!result.ok) throw new Error(formatProblems(result.problems));
  return result.value;
}

/** Whether Next runs the production server (`next start`), not `next dev`. */
export function isProductionServer(): boolean {
  return process.env.NODE_ENV === 'production';
}
