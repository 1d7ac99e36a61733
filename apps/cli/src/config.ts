import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  duration,
  integer,
  loadConfig,
  path,
  string,
  url,
  type ConfigOf,
  type LoadConfigResult,
} from '@legocity/config';

/**
 * Where the operator commands (`status`, `doctor`, `keys`, `routine`, `backup`, `restore`) find the
 * platform, read once per command. The defaults are where `legocity up` runs everything.
 */
export const cliConfigSchema = {
  brokerUrl: url({
    env: 'LEGOCITY_CLI_BROKER_URL',
    protocols: ['http:', 'https:'],
    default: 'http://127.0.0.1:1026',
    description: 'Internal URL of the broker (its /health, /metrics and admin API).',
  }),
  updatersUrl: url({
    env: 'LEGOCITY_CLI_UPDATERS_URL',
    protocols: ['http:', 'https:'],
    default: 'http://127.0.0.1:4041',
    description: 'Internal URL of the update-server host (its /health reports every source).',
  }),
  dashboardUrl: url({
    env: 'LEGOCITY_CLI_DASHBOARD_URL',
    protocols: ['http:', 'https:'],
    default: 'http://127.0.0.1:3000',
    description: 'Internal URL of the dashboard and CMS.',
  }),
  alertsUrl: url({
    env: 'LEGOCITY_CLI_ALERTS_URL',
    protocols: ['http:', 'https:'],
    default: 'http://127.0.0.1:4042',
    description: 'Internal URL of the alert evaluator (its /alerts lists firing alerts).',
  }),
  adminKey: string({
    env: 'LEGOCITY_CLI_ADMIN_KEY',
    optional: true,
    secret: true,
    description:
      "The broker's admin key (keys, backup, restore, key-expiry checks). `_FILE` reads it from a file. Unset: `<dataDir>/broker/admin.key` when that file exists.",
  }),
  dataDir: path({
    env: 'LEGOCITY_CLI_DATA_DIR',
    default: '.legocity',
    description: 'Data folder of the platform (disk-pressure checks, the default admin key file).',
  }),
  backupDir: path({
    env: 'LEGOCITY_CLI_BACKUP_DIR',
    default: '.legocity/backups',
    description: 'Folder of the backup archives and of `last-backup.json`.',
  }),
  backupKeepDaily: integer({
    env: 'LEGOCITY_CLI_BACKUP_KEEP_DAILY',
    min: 0,
    max: 3660,
    default: 7,
    description:
      '`backup` keeps the newest archive of each of the last N days that have one (the archive just made is always kept).',
  }),
  backupKeepWeekly: integer({
    env: 'LEGOCITY_CLI_BACKUP_KEEP_WEEKLY',
    min: 0,
    max: 520,
    default: 4,
    description:
      '`backup` also keeps the newest archive of each of the last N ISO weeks that have one; other archives are deleted.',
  }),
  dashboardDataDir: path({
    env: 'LEGOCITY_CLI_DASHBOARD_DATA_DIR',
    default: '.legocity/dashboard',
    description:
      "The dashboard's data folder: its SQLite CMS database `payload.db`, `payload-secret` and `admin-password` (backed up and restored).",
  }),
  updatersDataDir: path({
    env: 'LEGOCITY_CLI_UPDATERS_DATA_DIR',
    default: '.legocity/updaters',
    description:
      "The update servers' data folder: their write keys (`keys/*.key`) are backed up and restored with the broker's keys.",
  }),
  dashboardDatabaseUrl: url({
    env: 'LEGOCITY_CLI_DASHBOARD_DATABASE_URL',
    protocols: ['postgres:', 'postgresql:', 'file:'],
    optional: true,
    secret: true,
    description:
      "The CMS database, as the dashboard's LEGOCITY_DASHBOARD_DATABASE_URL: PostgreSQL (`pg_dump`/`pg_restore` 15+ on the PATH) or a `file:` SQLite URL. Unset: `payload.db` in the dashboard's data folder.",
  }),
  s3Endpoint: url({
    env: 'LEGOCITY_CLI_S3_ENDPOINT',
    protocols: ['http:', 'https:'],
    optional: true,
    description:
      'For `backup --to s3://…` and `restore s3://…`: an S3-compatible endpoint (MinIO, Ceph, Garage…), addressed path-style. Unset: AWS S3 in the region.',
  }),
  s3Region: string({
    env: 'LEGOCITY_CLI_S3_REGION',
    default: 'us-east-1',
    description: 'Region the S3 requests are signed for (SigV4).',
  }),
  s3AccessKeyId: string({
    env: 'LEGOCITY_CLI_S3_ACCESS_KEY_ID',
    optional: true,
    secret: true,
    description:
      'Access key id for S3 (an account allowed to put, list, get and delete objects under the prefix).',
  }),
  s3SecretAccessKey: string({
    env: 'LEGOCITY_CLI_S3_SECRET_ACCESS_KEY',
    optional: true,
    secret: true,
    description: 'Secret access key for S3. `_FILE` reads it from a file.',
  }),
  s3SessionToken: string({
    env: 'LEGOCITY_CLI_S3_SESSION_TOKEN',
    optional: true,
    secret: true,
    description: 'Session token of temporary S3 credentials, if any.',
  }),
  backupMaxAge: duration({
    env: 'LEGOCITY_CLI_BACKUP_MAX_AGE',
    default: 26 * 3_600_000,
    description: 'A backup older than this is overdue (daily schedule plus two hours).',
  }),
  keyExpiryWarning: duration({
    env: 'LEGOCITY_CLI_KEY_EXPIRY_WARNING',
    default: 14 * 86_400_000,
    description: '`doctor` warns about an active key that expires within this time.',
  }),
  outboxMaxAge: duration({
    env: 'LEGOCITY_CLI_OUTBOX_MAX_AGE',
    default: 5 * 60_000,
    description:
      '`doctor` fails a source whose oldest entity has waited longer than this in its outbox (writes not reaching the broker).',
  }),
  timeout: duration({
    env: 'LEGOCITY_CLI_TIMEOUT',
    default: 5_000,
    description: 'How long to wait for one component to answer.',
  }),
};

export type CliConfig = ConfigOf<typeof cliConfigSchema>;

/**
 * The CLI's configuration from an environment (default: this process's).
 * @example const result = readCliConfig(); if (!result.ok) …
 */
export function readCliConfig(env: NodeJS.ProcessEnv = process.env): LoadConfigResult<CliConfig> {
  return loadConfig(cliConfigSchema, { env, readFile: (file) => readFileSync(file, 'utf8') });
}

/**
 * The admin key: the configured one, else the one the embedded broker bootstrapped.
 * @example const key = adminKeyOf(config); // undefined when none is known
 */
export function adminKeyOf(config: CliConfig): string | undefined {
  if (config.adminKey) return config.adminKey;
  const file = join(config.dataDir, 'broker', 'admin.key');
  return existsSync(file) ? readFileSync(file, 'utf8').trim() || undefined : undefined;
}
