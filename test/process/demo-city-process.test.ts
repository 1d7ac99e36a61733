/**
 * `npm start` as a person runs it: `legocity up` on embedded defaults (PGlite, embedded MQTT,
 * SQLite CMS) brings up the broker, the update servers and the dashboard with the demo city, data
 * flows from the simulator (polled) and its MQTT sensors into the broker and out through the
 * dashboard's read proxy, and Ctrl-C stops everything cleanly. Runs the built code (`npm install`
 * builds the packages; the dashboard's production build must exist, as CI makes it), as
 * `npm start` does.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from './run-broker.js';
import { runCli } from './run-cli.js';

const CLI = new URL('../../apps/cli/dist/main.js', import.meta.url).pathname;
const DASHBOARD_BUILD = new URL('../../apps/dashboard/.next/BUILD_ID', import.meta.url).pathname;

describe('legocity up (npm start) with the demo city', () => {
  let folder: string;
  let child: ChildProcess;
  let output = '';
  const brokerPort = freePort();
  const updatersPort = freePort();
  const dashboardPort = freePort();
  const alertsPort = freePort();
  const broker = `http://127.0.0.1:${brokerPort}`;
  const dashboard = `http://127.0.0.1:${dashboardPort}`;
  let key: string;

  beforeAll(async () => {
    if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build first`);
    if (!existsSync(DASHBOARD_BUILD))
      throw new Error('the dashboard is not built: run npm run build -w apps/dashboard first');
    folder = await mkdtemp(join(tmpdir(), 'legocity-up-'));
    child = spawn(process.execPath, [CLI, 'up'], {
      cwd: folder,
      env: {
        ...process.env,
        LEGOCITY_BROKER_PORT: brokerPort,
        LEGOCITY_UPDATERS_PORT: updatersPort,
        LEGOCITY_DASHBOARD_PORT: dashboardPort,
        LEGOCITY_ALERTS_PORT: alertsPort,
        // The build CI made (or the developer's); a stale one is still a working dashboard.
        LEGOCITY_DASHBOARD_BUILD: 'skip',
        // Mosquitto may hold 1883 on this machine.
        LEGOCITY_UPDATERS_EMBEDDED_MQTT_PORT: freePort(),
        LEGOCITY_UPDATERS_SIMULATOR_EVERY: '2s',
        LEGOCITY_UPDATERS_SIMULATOR_PUBLISH_EVERY: '2s',
        DATABASE_URL: '',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await until(
      () => output.includes('LegoCity is up'),
      150_000,
      () => output,
    );
    key = (await readFile(join(folder, '.legocity/broker/admin.key'), 'utf8')).trim();
  }, 180_000);

  afterAll(async () => {
    if (child.exitCode === null) {
      child.kill('SIGKILL');
      await new Promise((resolve) => child.once('exit', resolve));
    }
    await rm(folder, { recursive: true, force: true });
  });

  it('keeps the admin key in a 0600 file and never prints it', async () => {
    expect((await stat(join(folder, '.legocity/broker/admin.key'))).mode & 0o777).toBe(0o600);
    expect(output).not.toContain(key);
  });

  it('fills the broker with the demo city: 8+ types, MQTT sensors included', async () => {
    const count = async (type: string) => {
      const response = await fetch(
        `${broker}/ngsi-ld/v1/entities?type=${type}&count=true&limit=1`,
        {
          headers: { authorization: `Bearer ${key}` },
        },
      );
      return Number(response.headers.get('ngsild-results-count') ?? 0);
    };
    await until(
      async () => (await count('WeatherObserved')) > 0,
      60_000,
      () => output,
    );
    const types = [
      'WeatherObserved', // MQTT sensors via the embedded MQTT server
      'AirQualityObserved',
      'FloodMonitoring',
      'TrafficFlowObserved', // the simulator's polled source
      'OffStreetParking',
      'BikeHireDockingStation',
      'FloodRiskZone',
      'MedicalFacility',
      'EmergencyVehicle',
    ];
    for (const type of types) expect(await count(type), type).toBeGreaterThan(0);
  }, 90_000);

  it('reports both sources fresh on the update servers’ /health', async () => {
    const response = await fetch(`http://127.0.0.1:${updatersPort}/health`);
    const health = (await response.json()) as { sources: { id: string; staleness: string }[] };
    expect(response.status).toBe(200);
    expect(health.sources.map((source) => [source.id, source.staleness])).toEqual([
      ['simulator', 'fresh'],
      ['mqtt', 'fresh'],
    ]);
  });

  it('serves the seeded dashboard: home page, the public map’s layers through the proxy', async () => {
    const ready = await fetch(`${dashboard}/health/ready`);
    expect(ready.status).toBe(200);
    const home = await fetch(`${dashboard}/`);
    expect(home.status).toBe(200);
    expect(await home.text()).toContain('Da Nang');
    const views = await fetch(`${dashboard}/api/map-views?where[slug][equals]=da-nang&depth=0`);
    const { docs } = (await views.json()) as {
      docs: { layers: { id: string; entityType: string }[] }[];
    };
    const air = docs[0]!.layers.find((layer) => layer.entityType === 'AirQualityObserved')!;
    await until(
      async () => {
        const answer = await fetch(`${dashboard}/api/data/layers/${air.id}`);
        const body = (await answer.json()) as { total?: number };
        return answer.status === 200 && (body.total ?? 0) > 0;
      },
      30_000,
      () => output,
    );
    // The layer answer never names the broker, and the sealed keys never leave the CMS.
    const brokers = await fetch(`${dashboard}/api/brokers`);
    expect(brokers.status).toBe(403);
    // The CMS's API is counted on /metrics (for LegoCityDashboardErrors), under its template.
    const metrics = await (await fetch(`${dashboard}/metrics`)).text();
    expect(metrics).toMatch(
      /legocity_dashboard_http_requests_total\{method="GET",route="\/api\/\[\.\.\.slug\]",status="403"\} [1-9]/,
    );
  }, 60_000);

  it('creates the first admin with a 0600 password file and never prints the password', async () => {
    const file = join(folder, '.legocity/dashboard/admin-password');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const password = (await readFile(file, 'utf8')).trim();
    expect(output).not.toContain(password);
    const login = await fetch(`${dashboard}/api/users/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@legocity.local', password }),
    });
    expect(login.status).toBe(200);
  });

  it('answers `legocity status` and `doctor` with every component ready and no failure', async () => {
    const env = {
      LEGOCITY_CLI_BROKER_URL: broker,
      LEGOCITY_CLI_UPDATERS_URL: `http://127.0.0.1:${updatersPort}`,
      LEGOCITY_CLI_DASHBOARD_URL: dashboard,
      LEGOCITY_CLI_ALERTS_URL: `http://127.0.0.1:${alertsPort}`,
    };
    const status = await runCli(['status', '--json'], env, folder);
    expect(status.code, status.stderr).toBe(0);
    const report = JSON.parse(status.stdout) as {
      components: { name: string; state: string }[];
      entities: { byTenant: Record<string, Record<string, number>> };
      alerts: unknown[];
    };
    expect(report.components.map((c) => [c.name, c.state])).toEqual([
      ['broker', 'ok'],
      ['updaters', 'ok'],
      ['dashboard', 'ok'],
      ['alerts', 'ok'],
    ]);
    expect(report.entities.byTenant.default?.TrafficFlowObserved).toBeGreaterThan(0);
    expect(report.alerts).toEqual([]);
    const doctor = await runCli(['doctor', '--json'], env, folder);
    const findings = (
      JSON.parse(doctor.stdout) as { findings: { check: string; status: string }[] }
    ).findings;
    const verdict = (check: string) =>
      findings.filter((f) => f.check === check).map((f) => f.status);
    for (const check of [
      'broker-errors',
      'cms-unreachable',
      'dashboard-cannot-reach-backend',
      'dashboard-shows-no-data',
      'keys-near-expiry',
      'firing-alerts',
    ])
      expect(verdict(check), check).toEqual(expect.arrayContaining(['ok']));
    // No backup yet on a first start: a warning, not a failure.
    expect(verdict('backups-overdue')).toEqual(['warn']);
  }, 60_000);

  it('stops every component on Ctrl-C', async () => {
    child.kill('SIGINT');
    const code = await new Promise((resolve) => child.once('exit', resolve));
    expect(code).toBe(0);
    expect(output).toContain('dashboard stopped');
    expect(output).toContain('updaters stopped');
    expect(output).toContain('broker stopped');
  }, 60_000);
});

async function until(
  condition: () => boolean | Promise<boolean>,
  timeoutMs: number,
  describe: () => string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`timed out; output so far:\n${describe().slice(-4000)}`);
}
