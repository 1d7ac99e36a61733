import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { postgresAdapter } from '@payloadcms/db-postgres';
import { sqliteAdapter } from '@payloadcms/db-sqlite';
import { lexicalEditor } from '@payloadcms/richtext-lexical';
import { buildConfig, type SanitizedConfig } from 'payload';
import sharp from 'sharp';
import { Brokers } from '../collections/Brokers.js';
import { DataModels } from '../collections/DataModels.js';
import { MapViews } from '../collections/MapViews.js';
import { Pages } from '../collections/Pages.js';
import { Users } from '../collections/Users.js';
import { migrations as postgresMigrations } from '../migrations/postgres/index.js';
import { migrations as sqliteMigrations } from '../migrations/sqlite/index.js';
import { platformAlertsEndpoint } from '../platform-alerts/platform-alerts-endpoint.js';

export interface PayloadConfigOptions {
  /** `postgres://…` for PostgreSQL; a libsql URL (`file:…`, `:memory:`) for SQLite; unset → `<dataDir>/payload.db`. */
  databaseUrl: string | undefined;
  dataDir: string;
  secret: string;
  /** The app's `src` folder: the admin import map and the migration folders live there. */
  srcDir: string;
  /** Create the schema from the collections instead of migrations (throwaway test databases). */
  push?: boolean;
  /** The alert evaluator the admin's dashboard lists firing alerts from; unset: no panel. */
  alertsUrl?: string;
}

/**
 * The Payload configuration of the dashboard's CMS, on SQLite by default or PostgreSQL.
 * Committed migrations run at start-up (`prodMigrations`); push is for throwaway databases.
 * @example export default createPayloadConfig({ databaseUrl: undefined, dataDir, secret, srcDir });
 */
export function createPayloadConfig(options: PayloadConfigOptions): Promise<SanitizedConfig> {
  return buildConfig({
    admin: {
      user: Users.slug,
      avatar: 'default',
      importMap: { baseDir: options.srcDir },
      meta: { titleSuffix: ' — LegoCity' },
      ...(options.alertsUrl !== undefined && {
        components: {
          beforeDashboard: ['/admin-components/PlatformAlerts/PlatformAlerts#PlatformAlerts'],
        },
      }),
    },
    endpoints: options.alertsUrl === undefined ? [] : [platformAlertsEndpoint(options.alertsUrl)],
    collections: [Users, Brokers, DataModels, MapViews, Pages],
    editor: lexicalEditor(),
    secret: options.secret,
    db: databaseAdapter(options),
    sharp,
    telemetry: false,
    graphQL: { disablePlaygroundInProduction: true },
    // Regenerate with `npm run payload -w apps/dashboard -- generate:types`, not on every start.
    typescript: { outputFile: join(options.srcDir, 'payload-types.ts'), autoGenerate: false },
  });
}

function databaseAdapter(options: PayloadConfigOptions) {
  const url = options.databaseUrl;
  const push = options.push ?? false;
  if (url !== undefined && /^postgres(ql)?:/.test(url)) {
    return postgresAdapter({
      pool: { connectionString: url },
      migrationDir: join(options.srcDir, 'migrations/postgres'),
      prodMigrations: postgresMigrations,
      push,
    });
  }
  if (url === undefined) mkdirSync(options.dataDir, { recursive: true });
  return sqliteAdapter({
    client: { url: url ?? `file:${join(options.dataDir, 'payload.db')}` },
    migrationDir: join(options.srcDir, 'migrations/sqlite'),
    prodMigrations: sqliteMigrations,
    push,
  });
}
