import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { join, resolve } from 'node:path';
import { ensureDashboardBuild } from '../dashboard-build.js';
import { supervise, type Component } from '../supervise.js';

const DEMO_RETENTION = '7d';

const apps = (path: string) => fileURLToPath(new URL(`../../../${path}`, import.meta.url));

const dashboardDir = apps('dashboard');

function components(env: NodeJS.ProcessEnv): {
  list: Component[];
  adminKeyFile: string;
  adminPasswordFile: string;
} {
  const brokerPort = env.LEGOCITY_BROKER_PORT ?? '1026';
  const updatersPort = env.LEGOCITY_UPDATERS_PORT ?? '4041';
  const dashboardPort = env.LEGOCITY_DASHBOARD_PORT ?? '3000';
  const alertsPort = env.LEGOCITY_ALERTS_PORT ?? '4042';
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
          LEGOCITY_DASHBOARD_ALERTS_URL: `http://127.0.0.1:${alertsPort}`,
          ...dashboardAdminKey,
          ...env,
          LEGOCITY_DASHBOARD_DATA_DIR: dashboardDataDir,
          LEGOCITY_DASHBOARD_PORT: dashboardPort,
        },
        readyUrl: `http://127.0.0.1:${dashboardPort}/health/ready`,
      },
      {
        // Evaluates the alert rules of deploy/prometheus itself (a city without Prometheus).
        name: 'alerts',
        script: apps('alerts/dist/main.js'),
        env: {
          LEGOCITY_ALERTS_BROKER_URL: `http://127.0.0.1:${brokerPort}`,
          LEGOCITY_ALERTS_UPDATERS_URL: `http://127.0.0.1:${updatersPort}`,
          LEGOCITY_ALERTS_DASHBOARD_URL: `http://127.0.0.1:${dashboardPort}`,
          ...env,
          LEGOCITY_ALERTS_PORT: alertsPort,
        },
        readyUrl: `http://127.0.0.1:${alertsPort}/health/ready`,
      },
    ],
  };
}

/**
 * `legocity up` (what `npm start` runs): start the broker, the update servers, the dashboard and
 * the alert evaluator on embedded defaults as one supervised set; each waits for the one before
 * to be ready, a crashed one is restarted with backoff, SIGINT/SIGTERM stop them all. Resolves
 * once everything is ready; `onStopped` is told the exit code when the set has stopped.
 */
export async function up(env: NodeJS.ProcessEnv, onStopped: (code: number) => void): Promise<void> {
  const { list, adminKeyFile, adminPasswordFile } = components(env);
  const say = (line: string) => process.stderr.write(`legocity: ${line}\n`);
  // `skip`: use the build as it is (CI builds once, then runs several platforms from it).
  if (env.LEGOCITY_DASHBOARD_BUILD !== 'skip') await ensureDashboardBuild(dashboardDir, say, env);
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
      onStopped(1);
      return;
    }
    isStopping = true;
    say(`${signal}: stopping every component…`);
    void set.stop().then(() => onStopped(0));
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  await set.ready;
  const brokerPort = env.LEGOCITY_BROKER_PORT ?? '1026';
  const updatersPort = env.LEGOCITY_UPDATERS_PORT ?? '4041';
  const dashboardPort = env.LEGOCITY_DASHBOARD_PORT ?? '3000';
  say(
    [
      'LegoCity is up.',
      `  city dashboard   http://localhost:${dashboardPort}/  (live map: /maps/da-nang)`,
      `  admin (CMS)      http://localhost:${dashboardPort}/admin  (first admin's e-mail and password file below)`,
      `  admin sign-in    ${env.LEGOCITY_DASHBOARD_ADMIN_EMAIL ?? 'admin@legocity.local'}, password in ${adminPasswordFile} (created on first start; never printed)`,
      `  NGSI-LD broker   http://localhost:${brokerPort}/ngsi-ld/v1  (API docs: /ngsi-ld/v1/docs)`,
      `  update servers   http://localhost:${updatersPort}/health  (demo city: Da Nang, simulated)`,
      `  alerts           http://localhost:${env.LEGOCITY_ALERTS_PORT ?? '4042'}/alerts  (rules of deploy/prometheus, evaluated here)`,
      '  operate it       npx legocity status | doctor | backup | keys  (README: Operating the city)',
      `  broker admin key ${adminKeyFile} (when the broker made one; never printed)`,
      `  history          kept ${env.LEGOCITY_BROKER_HISTORY_RETENTION ?? DEMO_RETENTION} (LEGOCITY_BROKER_HISTORY_RETENTION)`,
      '  Ctrl-C stops everything.',
    ].join('\n'),
  );
}
