/**
 * Fault drills (issue 6): stop the broker, stop an update server, fill the outbox, expire a key —
 * `legocity doctor` and the alerts service say exactly that, and say everything is fine again
 * once it is fixed. Real processes on embedded defaults: a broker, the update servers (simulator
 * only, fast), the alerts service (1 s rounds, low thresholds), the CLI. Alert rules wait minutes
 * (`for`) before they fire: a pending alert proves the service saw the fault.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, runBroker, waitReady, type RunningBroker } from './run-broker.js';
import { runCli } from './run-cli.js';

const UPDATERS = new URL('../../apps/updaters/src/main.ts', import.meta.url).pathname;
const ALERTS = new URL('../../apps/alerts/src/main.ts', import.meta.url).pathname;
// Absolute, so the child resolves tsx whatever its working folder.
const TSX = new URL('../../node_modules/tsx/dist/loader.mjs', import.meta.url).href;

interface Finding {
  check: string;
  status: 'ok' | 'warn' | 'fail';
  message: string;
  action?: string;
}

/** An alert of `GET /alerts` (the fields the drills read). */
interface ActiveAlert {
  name: string;
  severity: 'critical' | 'warning';
  state: 'pending' | 'firing';
  summary: string;
  labels: Record<string, string>;
}

/** The alerts the drills provoke; none may be left once a fault is fixed. */
const DRILL_ALERTS = [
  'LegoCityBrokerDown',
  'LegoCityUpdatersDown',
  'LegoCityUpdateOutboxStuck',
  'LegoCityUpdateSourceKeyRefused',
];

describe('fault drills: doctor and the alerts name the fault, then see the recovery', () => {
  let folder: string;
  let broker: RunningBroker;
  let updaters: ChildProcess | undefined;
  let updatersOutput = '';
  let alertsService: ChildProcess | undefined;
  let alertsOutput = '';
  const brokerPort = freePort();
  const updatersPort = freePort();
  const mqttPort = freePort();
  const alertsPort = freePort();
  const brokerUrl = `http://127.0.0.1:${brokerPort}`;
  const alertsUrl = `http://127.0.0.1:${alertsPort}`;
  const brokerLabels = { job: 'legocity-broker', instance: `127.0.0.1:${brokerPort}` };
  const updatersLabels = { job: 'legocity-updaters', instance: `127.0.0.1:${updatersPort}` };
  const simulatorLabels = { ...updatersLabels, source: 'simulator' };
  let adminKey: string;

  const startBroker = async () => {
    broker = runBroker({
      LEGOCITY_BROKER_PORT: brokerPort,
      LEGOCITY_BROKER_DATA_DIR: join(folder, 'broker'),
      DATABASE_URL: '',
    });
    await waitReady(broker);
  };
  const stopBroker = async () => {
    broker.child.kill('SIGTERM');
    await broker.exited;
  };
  const startUpdaters = () => {
    updaters = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', UPDATERS], {
      env: {
        ...process.env,
        LEGOCITY_UPDATERS_PORT: updatersPort,
        LEGOCITY_UPDATERS_SOURCES: 'simulator',
        LEGOCITY_UPDATERS_SIMULATOR_EVERY: '1s',
        LEGOCITY_UPDATERS_BROKER_URL: brokerUrl,
        LEGOCITY_UPDATERS_BROKER_ADMIN_KEY_FILE: join(folder, 'broker', 'admin.key'),
        LEGOCITY_UPDATERS_DATA_DIR: join(folder, 'updaters'),
        LEGOCITY_UPDATERS_EMBEDDED_MQTT_PORT: mqttPort,
        // A refused key is retried every second (1 min by default), so the alerts service sees
        // refusals within its short window.
        LEGOCITY_UPDATERS_AUTH_RETRY: '1s',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    updaters.stdout?.on('data', (chunk: Buffer) => (updatersOutput += chunk.toString()));
    updaters.stderr?.on('data', (chunk: Buffer) => (updatersOutput += chunk.toString()));
  };
  const stopUpdaters = async () => {
    const child = updaters;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  };
  const startAlerts = async () => {
    const child = spawn(process.execPath, ['--conditions=source', '--import', TSX, ALERTS], {
      env: {
        ...process.env,
        LEGOCITY_ALERTS_PORT: alertsPort,
        LEGOCITY_ALERTS_INTERVAL: '1s',
        LEGOCITY_ALERTS_TARGETS: 'broker,updaters',
        LEGOCITY_ALERTS_BROKER_URL: brokerUrl,
        LEGOCITY_ALERTS_UPDATERS_URL: `http://127.0.0.1:${updatersPort}`,
        LEGOCITY_ALERTS_DATA_DIR: folder,
        LEGOCITY_ALERTS_BACKUP_DIR: join(folder, 'backups'),
        // Seconds instead of 10 and 5 minutes, so that the drills see the alerts come and go.
        LEGOCITY_ALERTS_OUTBOX_MAX_AGE: '2s',
        LEGOCITY_ALERTS_KEY_REFUSED_WINDOW: '10s',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    alertsService = child;
    child.stdout?.on('data', (chunk: Buffer) => (alertsOutput += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (alertsOutput += chunk.toString()));
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline && child.exitCode === null) {
      const ready = await fetch(`${alertsUrl}/health/ready`).then(
        (response) => response.ok,
        () => false,
      );
      if (ready) return;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`the alerts service did not get ready:\n${alertsOutput.slice(-3000)}`);
  };
  const stopAlerts = async () => {
    const child = alertsService;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  };
  /** The alerts service's pending and firing alerts. */
  const activeAlerts = async (): Promise<ActiveAlert[]> => {
    const response = await fetch(`${alertsUrl}/alerts`);
    return ((await response.json()) as { alerts: ActiveAlert[] }).alerts;
  };
  const alertsUntil = async (what: string, matches: (alerts: ActiveAlert[]) => boolean) => {
    let last: ActiveAlert[] = [];
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      last = await activeAlerts();
      if (matches(last)) return last;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error(
      `the alerts never showed ${what}; last: ${JSON.stringify(last)}\n${alertsOutput.slice(-3000)}`,
    );
  };
  /** Waits until the alerts service reports this alert, and returns it. */
  const alertFor = async (name: string, labels: Record<string, string>) => {
    const sorted = (value: Record<string, string>) => JSON.stringify(Object.entries(value).sort());
    const isIt = (alert: ActiveAlert) =>
      alert.name === name && sorted(alert.labels) === sorted(labels);
    const alerts = await alertsUntil(`${name} ${JSON.stringify(labels)}`, (list) =>
      list.some(isIt),
    );
    return alerts.find(isIt);
  };
  const noDrillAlert = (alerts: ActiveAlert[]) =>
    !alerts.some((alert) => DRILL_ALERTS.includes(alert.name));
  const detected = expect.stringMatching(/^(pending|firing)$/);

  const cliEnv = () => ({
    LEGOCITY_CLI_BROKER_URL: brokerUrl,
    LEGOCITY_CLI_UPDATERS_URL: `http://127.0.0.1:${updatersPort}`,
    LEGOCITY_CLI_DASHBOARD_URL: `http://127.0.0.1:${freePort()}`,
    LEGOCITY_CLI_ALERTS_URL: alertsUrl,
    LEGOCITY_CLI_DATA_DIR: folder,
    LEGOCITY_CLI_BACKUP_DIR: join(folder, 'backups'),
    LEGOCITY_CLI_OUTBOX_MAX_AGE: '2s',
    LEGOCITY_CLI_TIMEOUT: '2s',
  });
  /** The doctor's findings for one playbook. */
  const doctor = async (check: string): Promise<Finding[]> => {
    const run = await runCli(['doctor', '--json'], cliEnv());
    const report = JSON.parse(run.stdout) as { findings: Finding[] };
    return report.findings.filter((finding) => finding.check === check);
  };
  const doctorUntil = async (check: string, matches: (findings: Finding[]) => boolean) => {
    let last: Finding[] = [];
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      last = await doctor(check);
      if (matches(last)) return last;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    throw new Error(
      `doctor never matched; last ${check}: ${JSON.stringify(last)}\n${updatersOutput.slice(-3000)}`,
    );
  };
  const allOk = (findings: Finding[]) =>
    findings.length > 0 && findings.every((f) => f.status === 'ok');

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'legocity-drills-'));
    await startBroker();
    adminKey = (await readFile(join(folder, 'broker', 'admin.key'), 'utf8')).trim();
    startUpdaters();
    await startAlerts();
    await doctorUntil('dashboard-shows-no-data', allOk);
  }, 120_000);

  afterAll(async () => {
    await stopAlerts();
    await stopUpdaters();
    if (broker.child.exitCode === null) await stopBroker();
    await rm(folder, { recursive: true, force: true });
  });

  it('finds the broker and the data healthy to begin with', async () => {
    expect((await doctor('broker-errors')).map((f) => f.status)).toEqual(['ok']);
    expect(await doctor('dashboard-shows-no-data')).toEqual([
      expect.objectContaining({
        status: 'ok',
        message: expect.stringMatching(/^The broker holds \d+ entities$/),
      }),
      expect.objectContaining({ status: 'ok', message: 'All 1 update-server sources are fresh' }),
    ]);
    const view = (await (await fetch(`${alertsUrl}/alerts`)).json()) as {
      targets: { name: string; up: boolean }[];
      alerts: ActiveAlert[];
    };
    expect(view.targets.map(({ name, up }) => ({ name, up }))).toEqual([
      { name: 'broker', up: true },
      { name: 'updaters', up: true },
    ]);
    await alertsUntil('no drill alert', noDrillAlert);
    expect(await doctor('firing-alerts')).toEqual([
      expect.objectContaining({ status: 'ok', message: 'No alert firing' }),
    ]);
  });

  it('stop the broker: "does not answer", the outbox fills; start it: both recover', async () => {
    await stopBroker();
    const [down] = await doctor('broker-errors');
    expect(down).toMatchObject({
      status: 'fail',
      message: `The broker at ${brokerUrl} does not answer: connection refused (not running, or another port)`,
    });
    const filled = await doctorUntil('dashboard-shows-no-data', (findings) =>
      findings.some((f) =>
        /^Source simulator has \d+ entities waiting in its outbox for/.test(f.message),
      ),
    );
    expect(filled.find((f) => f.message.includes('outbox'))?.action).toContain('check the broker');
    expect(await alertFor('LegoCityBrokerDown', brokerLabels)).toMatchObject({
      severity: 'critical',
      state: detected,
      summary: `The broker on 127.0.0.1:${brokerPort} is down`,
    });
    expect(await alertFor('LegoCityUpdateOutboxStuck', simulatorLabels)).toMatchObject({
      severity: 'warning',
      state: detected,
      summary: 'Writes of source simulator are not reaching the broker',
    });
    await startBroker();
    expect((await doctor('broker-errors')).map((f) => f.status)).toEqual(['ok']);
    await doctorUntil('dashboard-shows-no-data', allOk);
    await alertsUntil('the broker and the outbox recovered', noDrillAlert);
  }, 120_000);

  it('stop the update servers: "unreachable"; start them: fresh again', async () => {
    await stopUpdaters();
    const [finding] = (await doctor('dashboard-shows-no-data')).filter((f) => f.status !== 'ok');
    expect(finding).toMatchObject({
      status: 'fail',
      message: expect.stringMatching(
        /^Update servers: update servers unreachable: connection refused/,
      ),
    });
    expect(await alertFor('LegoCityUpdatersDown', updatersLabels)).toMatchObject({
      severity: 'critical',
      state: detected,
      summary: `The update servers on 127.0.0.1:${updatersPort} are down`,
    });
    startUpdaters();
    await doctorUntil('dashboard-shows-no-data', allOk);
    await alertsUntil('the update servers recovered', noDrillAlert);
  }, 120_000);

  it('expire the source key: "the broker refuses its key"; a new key: fresh again', async () => {
    const keyFile = join(folder, 'updaters', 'keys', 'simulator.key');
    const keys = (await (
      await fetch(`${brokerUrl}/admin/keys`, { headers: { authorization: `Bearer ${adminKey}` } })
    ).json()) as {
      name: string;
      scopes: { entityTypes?: string[] }[];
    }[];
    const types = keys.find((key) => key.name === 'updater-simulator')!.scopes[0]!.entityTypes!;
    const created = await runCli(
      ['keys', 'create', 'simulator-short-lived', '--write', types.join(','), '--expires', '4s'],
      cliEnv(),
    );
    expect(created.code, created.stderr).toBe(0);
    await stopUpdaters();
    await writeFile(keyFile, created.stdout, { mode: 0o600 });
    startUpdaters();
    const refused = await doctorUntil('dashboard-shows-no-data', (findings) =>
      findings.some((f) => f.message.endsWith('the broker refuses its key')),
    );
    expect(refused.find((f) => f.status === 'fail')?.action).toMatch(
      /^The broker refuses source simulator's key \(.*The API key has expired\): it has expired or been revoked\./,
    );
    expect(await alertFor('LegoCityUpdateSourceKeyRefused', simulatorLabels)).toMatchObject({
      severity: 'critical',
      state: detected,
      summary: "The broker refuses source simulator's key",
    });
    // Its runs still succeed (the data is queued): only the outbox says the data does not arrive.
    expect(await alertFor('LegoCityUpdateOutboxStuck', simulatorLabels)).toMatchObject({
      state: detected,
    });
    // The fix the action names: a new key in the source's key file, then a restart.
    const renewed = await runCli(
      ['keys', 'create', 'updater-simulator-2', '--write', types.join(',')],
      cliEnv(),
    );
    expect(renewed.code, renewed.stderr).toBe(0);
    await stopUpdaters();
    await writeFile(keyFile, renewed.stdout, { mode: 0o600 });
    startUpdaters();
    await doctorUntil('dashboard-shows-no-data', allOk);
    // The key alert ends once no refusal is left in its window (10 s here, 5 min by default).
    await alertsUntil('the key accepted again', noDrillAlert);
  }, 150_000);
});
