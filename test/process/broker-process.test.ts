/**
 * The broker as an operator runs it: a real process, real signals, a real data folder.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

const MAIN = new URL('../../apps/broker/src/main.ts', import.meta.url).pathname;

interface RunningBroker {
  child: ChildProcess;
  url: string;
  output: () => string;
  exited: Promise<number | null>;
}

function runBroker(env: Record<string, string>): RunningBroker {
  const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', MAIN], {
    env: { ...process.env, LEGOCITY_BROKER_LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    child,
    url: `http://127.0.0.1:${env.LEGOCITY_BROKER_PORT ?? '1026'}`,
    output: () => output,
    exited,
  };
}

async function waitReady(broker: RunningBroker, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ok = await fetch(`${broker.url}/health/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`broker not ready in time:\n${broker.output()}`);
}

const freePort = () => String(20_000 + Math.floor(Math.random() * 20_000));

describe('the broker process', () => {
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'legocity-process-'));
    await cp(inject('pgliteTemplate'), join(dataDir, 'pgdata'), { recursive: true });
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('refuses to start on invalid configuration, naming every variable but no value', async () => {
    const broker = runBroker({
      LEGOCITY_BROKER_PORT: 'eighty',
      DATABASE_URL: 'mysql://root:hunter2@db/x',
    });
    expect(await broker.exited).toBe(2);
    expect(broker.output()).toMatch(/LEGOCITY_BROKER_PORT/);
    expect(broker.output()).toMatch(/DATABASE_URL/);
    expect(broker.output()).not.toMatch(/hunter2|eighty/);
  });

  it('drains an in-flight batch on SIGTERM, exits 0, and keeps the data across a restart', async () => {
    const port = freePort();
    const env = { LEGOCITY_BROKER_PORT: port, LEGOCITY_BROKER_DATA_DIR: dataDir };
    const first = runBroker(env);
    await waitReady(first);
    const batch = Array.from({ length: 1000 }, (_, i) => ({
      id: `urn:ngsi-ld:Sensor:${i}`,
      type: 'Sensor',
      level: i,
    }));
    const inFlight = fetch(`${first.url}/ngsi-ld/v1/entityOperations/upsert`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(batch),
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    first.child.kill('SIGTERM');
    const response = await inFlight;
    expect(response.status).toBe(201);
    expect(await first.exited).toBe(0);
    expect(first.output()).toMatch(/"severity":"info".*Starting the LegoCity broker/);

    const second = runBroker(env);
    await waitReady(second);
    const counted = await fetch(`${second.url}/ngsi-ld/v1/entities?type=Sensor&count=true&limit=0`);
    expect(counted.headers.get('ngsild-results-count')).toBe('1000');
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  });
});
