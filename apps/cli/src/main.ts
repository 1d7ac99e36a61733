#!/usr/bin/env node
/**
 * `legocity` — run a LegoCity platform. `legocity up` (what `npm start` runs) starts the broker
 * and the update servers with the demo city on embedded defaults, as one supervised set: each
 * waits for the one before to be ready, a crashed one is restarted with backoff, Ctrl-C stops
 * them all. The only place that ends the process.
 */
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { join, resolve } from 'node:path';
import { ensureDashboardBuild } from './dashboard-build.js';
import { supervise, type Component } from './supervise.js';

const USAGE = `Usage: legocity <command>

Commands:
  up      start the broker, the update servers and the dashboard (demo city) on embedded
          defaults; Ctrl-C stops
  help    this text

Every component reads its own LEGOCITY_<COMPONENT>_* variables (see the README).`;

const DEMO_RETENTION = '7d';

const apps = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));

const dashboardDir = apps('dashboard');

function components(env: NodeJS.ProcessEnv): {
  list: Component[];
  adminKeyFile: string;
  adminPasswordFile: string;
} {
  const brokerPort = env.LEGOCITY_BROKER_PORT ?? '1026';
  const updatersPort = env.LEGOCITY_UPDATERS_PORT ?? '4041';
  const dashboardPort = env.LEGOCITY_DASHBOARD_PORT ?? '3000';
  // The dashboard runs in its own folder: make its data folder absolute, under this one.
  const dashboardDataDir = resolve(
    env.LEGOCITY_DASHBOARD_DATA_DIR ?? join('.legocity', 'dashboard'),
  );
  const brokerDataDir = env.LEGOCITY_BROKER_DATA_DIR ?? join('.legocity', 'broker');
  const adminKeyFile = join(brokerDataDir, 'admin.key');
  const hasAdminKey = Boolean(
    env.LEGOCITY_UPDATERS_BROKER_ADMIN_KEY ?? env.LEGOCITY_UPDATERS_BROKER_ADMIN_KEY_FILE,
  );
  // The update servers make their own write keys with the broker's admin key: the one the
  // operator gave the broker, else the one the broker bootstrapped into its data folder.
  const adminKey = hasAdminKey
    ? {}
    : env.LEGOCITY_BROKER_ADMIN_KEY
      ? { LEGOCITY_UPDATERS_BROKER_ADMIN_KEY: env.LEGOCITY_BROKER_ADMIN_KEY }
      : { LEGOCITY_UPDATERS_BROKER_ADMIN_KEY_FILE: adminKeyFile };
  // The demo seed makes the dashboard's read key with it, and keeps it for the keys view.
  const dashboardAdminKey = env.LEGOCITY_BROKER_ADMIN_KEY
    ? { LEGOCITY_DASHBOARD_BROKER_ADMIN_KEY: env.LEGOCITY_BROKER_ADMIN_KEY }
    : { LEGOCITY_DASHBOARD_BROKER_ADMIN_KEY_FILE: resolve(adminKeyFile) };
  return {
    adminKeyFile,
    adminPasswordFile: join(dashboardDataDir, 'admin-password'),
    list: [
      {
        name: 'broker',
        script: apps('broker/dist/main.js'),
        // The demo city changes ~10 entities a second: keep a week of its history, not 90 days.
        env: { LEGOCITY_BROKER_HISTORY_RETENTION: DEMO_RETENTION, ...env },
        readyUrl: `http://127.0.0.1:${brokerPort}/health/ready`,
      },
      {
        name: 'updaters',
        script: apps('updaters/dist/main.js'),
        env: {
          LEGOCITY_UPDATERS_DEMO: 'true',
          LEGOCITY_UPDATERS_BROKER_URL: `http://127.0.0.1:${brokerPort}`,
          ...adminKey,
          ...env,
        },
        readyUrl: `http://127.0.0.1:${updatersPort}/health/live`,
      },
      {
        name: 'dashboard',
        script: createRequire(join(dashboardDir, 'package.json')).resolve('next/dist/bin/next'),
        args: ['start', '-p', dashboardPort, '-H', env.LEGOCITY_DASHBOARD_HOST ?? '127.0.0.1'],
        cwd: dashboardDir,
        env: {
          NEXT_TELEMETRY_DISABLED: '1',
          LEGOCITY_DASHBOARD_DEMO: 'true',
          LEGOCITY_DASHBOARD_BROKER_URL: `http://127.0.0.1:${brokerPort}`,
          ...dashboardAdminKey,
          ...env,
          LEGOCITY_DASHBOARD_DATA_DIR: dashboardDataDir,
          LEGOCITY_DASHBOARD_PORT: dashboardPort,
        },
        readyUrl: `http://127.0.0.1:${dashboardPort}/health/ready`,
      },
    ],
  };
}

async function up(): Promise<void> {
  const { list, adminKeyFile, adminPasswordFile } = components(process.env);
  const say = (line: string) => process.stderr.write(`legocity: ${line}\n`);
  // `skip`: use the build as it is (CI builds once, then runs several platforms from it).
  if (process.env.LEGOCITY_DASHBOARD_BUILD !== 'skip')
    await ensureDashboardBuild(dashboardDir, say, process.env);
  const set = supervise(list, {
    started: (name, pid) => say(`starting ${name} (pid ${pid})…`),
    ready: (name) => say(`${name} ready`),
    exited: (name, code, restartInMs) =>
      say(
        restartInMs === undefined
          ? `${name} stopped (exit ${code ?? 'signal'})`
          : `${name} exited (${code ?? 'signal'}); restarting in ${restartInMs / 1000} s`,
      ),
  });
  let isStopping = false;
  const stop = (signal: string) => {
    if (isStopping) {
      say('second signal: exiting now');
      process.exit(1);
    }
    isStopping = true;
    say(`${signal}: stopping every component…`);
    void set.stop().then(() => process.exit(0));
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  await set.ready;
  const brokerPort = process.env.LEGOCITY_BROKER_PORT ?? '1026';
  const updatersPort = process.env.LEGOCITY_UPDATERS_PORT ?? '4041';
  const dashboardPort = process.env.LEGOCITY_DASHBOARD_PORT ?? '3000';
  say(
    [
      'LegoCity is up.',
      `  city dashboard   http://localhost:${dashboardPort}/  (live map: /maps/da-nang)`,
      `  admin (CMS)      http://localhost:${dashboardPort}/admin  (first admin's e-mail and password file below)`,
      `  admin sign-in    ${process.env.LEGOCITY_DASHBOARD_ADMIN_EMAIL ?? 'admin@legocity.local'}, password in ${adminPasswordFile} (created on first start; never printed)`,
      `  NGSI-LD broker   http://localhost:${brokerPort}/ngsi-ld/v1  (API docs: /ngsi-ld/v1/docs)`,
      `  update servers   http://localhost:${updatersPort}/health  (demo city: Da Nang, simulated)`,
      `  broker admin key ${adminKeyFile} (when the broker made one; never printed)`,
      `  history          kept ${process.env.LEGOCITY_BROKER_HISTORY_RETENTION ?? DEMO_RETENTION} (LEGOCITY_BROKER_HISTORY_RETENTION)`,
      '  Ctrl-C stops everything.',
    ].join('\n'),
  );
}

const command = process.argv[2] ?? 'up';
if (command === 'up') {
  up().catch((error: unknown) => {
    process.stderr.write(
      `legocity up failed: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(1);
  });
} else {
  process.stdout.write(`${USAGE}\n`);
  process.exit(command === 'help' || command === '--help' ? 0 : 2);
}
