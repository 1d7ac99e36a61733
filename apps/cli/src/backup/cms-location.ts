import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CliConfig } from '../config.js';

/** Where the CMS keeps its data: a SQLite file, or a PostgreSQL database (URL: a secret). */
export type CmsLocation = { driver: 'sqlite'; file: string } | { driver: 'postgres'; url: string };

/** The SQLite file name the dashboard uses in its data folder (apps/dashboard create-payload-config). */
export const SQLITE_FILE = 'payload.db';

/**
 * The CMS database the configuration names, as the dashboard reads its own settings:
 * LEGOCITY_CLI_DASHBOARD_DATABASE_URL (postgres:// or file:), else `payload.db` in the
 * dashboard's data folder. A relative `file:` path is taken from the current folder.
 * @example cmsLocation(config) // { driver: 'sqlite', file: '/srv/city/.legocity/dashboard/payload.db' }
 */
export function cmsLocation(
  config: Pick<CliConfig, 'dashboardDataDir' | 'dashboardDatabaseUrl'>,
): CmsLocation {
  const url = config.dashboardDatabaseUrl;
  if (url !== undefined && /^postgres(ql)?:/i.test(url)) return { driver: 'postgres', url };
  if (url !== undefined) return { driver: 'sqlite', file: sqlitePathOf(url) };
  return { driver: 'sqlite', file: resolve(join(config.dashboardDataDir, SQLITE_FILE)) };
}

function sqlitePathOf(url: string): string {
  if (url.startsWith('file://')) return fileURLToPath(url.split('?')[0]!);
  return resolve(url.slice('file:'.length).split('?')[0]!);
}
