/**
 * `legocity up` (what `npm start` runs) for the browser tests: built code, demo city, free ports,
 * a temp folder for every data directory. On PostgreSQL the broker and the CMS each get a
 * scratch database. Stopped with SIGINT (Ctrl-C) by PID; components still running after that
 * are killed by the PIDs the CLI printed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI } from './prerequisites.js';
import { createScratchDatabase, type ScratchDatabase } from './scratch-database.js';

export type StorageVariant = 'embedded' | 'postgres';

export interface Platform {
  variant: StorageVariant;
  dashboardUrl: string;
  brokerUrl: string;
  /** The broker's bootstrap admin key (read from its data folder). */
  adminKey: string;
  adminEmail: string;
  /** The demo admin's password (read from the dashboard's data folder). */
  adminPassword: string;
  /** Everything the CLI and its components printed so far. */
  output: () => string;
  stop: () => Promise<void>;
}

/** Every entity type the demo city writes that the demo map draws. */
export const DEMO_TYPES = [
  'AirQualityObserved',
  'WeatherObserved',
  'OffStreetParking',
  'BikeHireDockingStation',
  'TrafficFlowObserved',
  'FloodRiskZone',
  'MedicalFacility',
  'EmergencyVehicle',
];
const ADMIN_EMAIL = 'admin@legocity.local';
const UP_TIMEOUT_MS = 240_000;

/**
 * Start the platform and wait until it is up, the dashboard ready and every demo type has
 * entities in the broker. `databaseServerUrl` (PostgreSQL variant): server for the scratch
 * databases.
 * @example const platform = await startPlatform('embedded'); … await platform.stop();
 */
export async function startPlatform(
  variant: StorageVariant,
  databaseServerUrl?: string,
): Promise<Platform> {
  const folder = await mkdtemp(join(tmpdir(), `legocity-browser-${variant}-`));
  const databases: ScratchDatabase[] = [];
  let child: ChildProcess | undefined;
  let output = '';
  const stop = async () => {
    if (child) await stopUp(child, () => output);
    for (const db of databases) await db.drop();
    await rm(folder, { recursive: true, force: true });
  };
  try {
    const storage: Record<string, string> = {};
    if (variant === 'postgres') {
      if (!databaseServerUrl) throw new Error('the PostgreSQL variant needs a database server URL');
      const broker = await createScratchDatabase(databaseServerUrl, {
        postgis: true,
        label: 'broker',
      });
      databases.push(broker);
      const cms = await createScratchDatabase(databaseServerUrl, { label: 'cms' });
      databases.push(cms);
      storage.DATABASE_URL = broker.url;
      storage.LEGOCITY_DASHBOARD_DATABASE_URL = cms.url;
    }
    const [brokerPort, updatersPort, mqttPort, dashboardPort, alertsPort] = [
      await freePort(),
      await freePort(),
      await freePort(),
      await freePort(),
      await freePort(),
    ];
    const brokerDir = join(folder, 'broker');
    const dashboardDir = join(folder, 'dashboard');
    child = spawn(process.execPath, [CLI, 'up'], {
      cwd: folder,
      env: {
        ...inheritedEnv(),
        ...storage,
        NEXT_TELEMETRY_DISABLED: '1',
        LEGOCITY_BROKER_PORT: String(brokerPort),
        LEGOCITY_BROKER_DATA_DIR: brokerDir,
        LEGOCITY_UPDATERS_PORT: String(updatersPort),
        LEGOCITY_UPDATERS_DATA_DIR: join(folder, 'updaters'),
        LEGOCITY_UPDATERS_EMBEDDED_MQTT_PORT: String(mqttPort),
        // The weather and air-quality sensors publish every 30 s by default: fill the map sooner.
        LEGOCITY_UPDATERS_SIMULATOR_EVERY: '5s',
        LEGOCITY_UPDATERS_SIMULATOR_PUBLISH_EVERY: '3s',
        LEGOCITY_DASHBOARD_PORT: String(dashboardPort),
        LEGOCITY_ALERTS_PORT: String(alertsPort),
        LEGOCITY_DASHBOARD_DATA_DIR: dashboardDir,
        LEGOCITY_DASHBOARD_DEMO: 'true',
        // Run the existing build (CI builds it once before the tests; see prerequisites.ts).
        LEGOCITY_DASHBOARD_BUILD: 'skip',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-200_000);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    const upChild = child;
    await until(
      () => {
        if (upChild.exitCode !== null) throw new Error(`legocity up exited:\n${output}`);
        return output.includes('LegoCity is up');
      },
      UP_TIMEOUT_MS,
      () => `legocity up did not say 'LegoCity is up'`,
      () => output,
    );
    const dashboardUrl = `http://127.0.0.1:${dashboardPort}`;
    const brokerUrl = `http://127.0.0.1:${brokerPort}`;
    await until(
      async () => (await statusOf(`${dashboardUrl}/health/ready`)) === 200,
      60_000,
      () => `the dashboard's /health/ready did not answer 200`,
      () => output,
    );
    const adminKey = (await readFile(join(brokerDir, 'admin.key'), 'utf8')).trim();
    const adminPassword = (await readFile(join(dashboardDir, 'admin-password'), 'utf8')).trim();
    let empty = DEMO_TYPES;
    await until(
      async () => (empty = await emptyDemoTypes(brokerUrl, adminKey)).length === 0,
      90_000,
      () => `the demo city wrote no ${empty.join(', ')} to the broker`,
      () => output,
    );
    for (const db of databases)
      if ((await db.tableCount()) === 0)
        throw new Error(`nothing was stored in the scratch database ${db.url.split('/').pop()}`);
    return {
      variant,
      dashboardUrl,
      brokerUrl,
      adminKey,
      adminEmail: ADMIN_EMAIL,
      adminPassword,
      output: () => output,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** This process's environment without any LegoCity setting that would change the platform. */
function inheritedEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) =>
        !/^LEGOCITY_(BROKER|UPDATERS|DASHBOARD)_/.test(name) &&
        !['DATABASE_URL', 'PAYLOAD_SECRET', 'NODE_OPTIONS'].includes(name),
    ),
  );
}

/** Demo types the broker has no entity of yet. */
async function emptyDemoTypes(brokerUrl: string, adminKey: string): Promise<string[]> {
  const empty: string[] = [];
  for (const type of DEMO_TYPES) {
    const response = await fetch(
      `${brokerUrl}/ngsi-ld/v1/entities?type=${type}&count=true&limit=1`,
      { headers: { authorization: `Bearer ${adminKey}` } },
    ).catch(() => undefined);
    await response?.arrayBuffer();
    if (Number(response?.headers.get('ngsild-results-count') ?? 0) === 0) empty.push(type);
  }
  return empty;
}

/**
 * Ctrl-C to the CLI (it stops its components and exits). If it has not exited after 40 s, it
 * and the components it started (PIDs from its "starting … (pid N)" lines) are killed.
 */
async function stopUp(child: ChildProcess, output: () => string): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGINT');
  const timer = new Promise((resolve) => setTimeout(() => resolve('timeout'), 40_000));
  if ((await Promise.race([exited, timer])) !== 'timeout') return;
  child.kill('SIGKILL');
  await exited;
  for (const match of output().matchAll(/starting [\w-]+ \(pid (\d+)\)/g)) {
    try {
      process.kill(Number(match[1]), 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
}

async function statusOf(url: string): Promise<number> {
  try {
    const response = await fetch(url);
    await response.arrayBuffer();
    return response.status;
  } catch {
    return 0;
  }
}

/** A TCP port free on 127.0.0.1 right now (the OS picks it). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no TCP port');
  return address.port;
}

async function until(
  condition: () => boolean | Promise<boolean>,
  timeoutMs: number,
  what: () => string,
  output: () => string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(
    `${what()} within ${timeoutMs / 1000} s; output so far:\n${output().slice(-6000)}`,
  );
}
