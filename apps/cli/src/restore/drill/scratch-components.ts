import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  freePort,
  startScratchProcess,
  waitReady,
  type ScratchProcess,
} from './scratch-process.js';

/** The repository's apps folder (this file is apps/cli/{src,dist}/restore/drill/…). */
const apps = (path: string) => fileURLToPath(new URL(`../../../../${path}`, import.meta.url));

/** The dashboard's folder (where `next start` runs, as `legocity up` does). */
export const DASHBOARD_DIR = apps('dashboard');

const READY_MS = 180_000;

/** The caller's variables a scratch component may inherit: where programs are, nothing else. */
function baseEnv(env: NodeJS.ProcessEnv): Record<string, string> {
  const keep = ['PATH', 'HOME', 'LANG', 'TMPDIR', 'TZ'];
  return Object.fromEntries(keep.flatMap((name) => (env[name] ? [[name, env[name]]] : [])));
}

/** A random admin key in the broker's format (lgc_<16 hex>_<43 base64url>), for the scratch broker only. */
export function scratchAdminKey(): string {
  return `lgc_${randomBytes(8).toString('hex')}_${randomBytes(32).toString('base64url')}`;
}

/**
 * A scratch broker on embedded PGlite in `folder`, on a free port, with the given admin key
 * (passed in its environment, never on a command line); history is kept forever and retention
 * does not run, so nothing the drill compares changes under it.
 * @example const broker = await startScratchBroker({ folder, adminKey, env: process.env });
 */
export async function startScratchBroker(options: {
  folder: string;
  adminKey: string;
  env: NodeJS.ProcessEnv;
  signal?: AbortSignal;
}): Promise<{ process: ScratchProcess; url: string }> {
  const port = await freePort();
  const child = startScratchProcess({
    name: 'broker',
    script: apps('broker/dist/main.js'),
    env: {
      ...baseEnv(options.env),
      LEGOCITY_BROKER_PORT: String(port),
      LEGOCITY_BROKER_HOST: '127.0.0.1',
      LEGOCITY_BROKER_DATA_DIR: join(options.folder, 'broker'),
      LEGOCITY_BROKER_ADMIN_KEY: options.adminKey,
      LEGOCITY_BROKER_HISTORY_RETENTION: '0',
      LEGOCITY_BROKER_RETENTION_INTERVAL: '7d',
      LEGOCITY_BROKER_LOG_LEVEL: 'warn',
      // A copy of the city must never notify the real subscribers of its subscriptions.
      LEGOCITY_BROKER_NOTIFICATIONS: 'false',
    },
  });
  const url = `http://127.0.0.1:${port}`;
  await waitReady(child, `${url}/health/ready`, READY_MS, options.signal).catch(
    async (error: unknown) => {
      await child.stop();
      throw error;
    },
  );
  return { process: child, url };
}

/**
 * A scratch dashboard (`next start` in apps/dashboard) on a free port: demo seed off, data folder
 * `<folder>/dashboard` (its SQLite file and payload-secret), reading the scratch broker; a
 * PostgreSQL CMS through `databaseUrl`. It runs its migrations at start, as in production.
 * @example const dashboard = await startScratchDashboard({ folder, brokerUrl, env: process.env });
 */
export async function startScratchDashboard(options: {
  folder: string;
  brokerUrl: string;
  databaseUrl?: string | undefined;
  env: NodeJS.ProcessEnv;
  signal?: AbortSignal;
}): Promise<{ process: ScratchProcess; url: string }> {
  const port = await freePort();
  const next = createRequire(join(DASHBOARD_DIR, 'package.json')).resolve('next/dist/bin/next');
  const child = startScratchProcess({
    name: 'dashboard',
    script: next,
    args: ['start', '-p', String(port), '-H', '127.0.0.1'],
    cwd: DASHBOARD_DIR,
    env: {
      ...baseEnv(options.env),
      NEXT_TELEMETRY_DISABLED: '1',
      LEGOCITY_DASHBOARD_DEMO: 'false',
      LEGOCITY_DASHBOARD_PORT: String(port),
      LEGOCITY_DASHBOARD_HOST: '127.0.0.1',
      LEGOCITY_DASHBOARD_DATA_DIR: join(options.folder, 'dashboard'),
      LEGOCITY_DASHBOARD_BROKER_URL: options.brokerUrl,
      LEGOCITY_DASHBOARD_LOG_LEVEL: 'warn',
      ...(options.databaseUrl && { LEGOCITY_DASHBOARD_DATABASE_URL: options.databaseUrl }),
    },
  });
  const url = `http://127.0.0.1:${port}`;
  await waitReady(child, `${url}/health/ready`, READY_MS, options.signal).catch(
    async (error: unknown) => {
      await child.stop();
      throw error;
    },
  );
  return { process: child, url };
}
