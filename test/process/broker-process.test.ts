/**
 * The broker as an operator runs it: a real process, real signals, a real data folder.
 */
import { cp, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { freePort, runBroker, waitReady } from './run-broker.js';

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
    // No admin key existed: the broker wrote one to the data folder, readable by its owner only,
    // and logged where, never what.
    const keyFile = join(dataDir, 'admin.key');
    expect((await stat(keyFile)).mode & 0o777).toBe(0o600);
    const adminKey = (await readFile(keyFile, 'utf8')).trim();
    expect(adminKey).toMatch(/^lgc_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);
    expect(first.output()).toContain(keyFile);
    expect(first.output()).not.toContain(adminKey.slice('lgc_0123456789abcdef_'.length));
    const authorization = `Bearer ${adminKey}`;
    const batch = Array.from({ length: 1000 }, (_, i) => ({
      id: `urn:ngsi-ld:Sensor:${i}`,
      type: 'Sensor',
      level: i,
    }));
    const inFlight = fetch(`${first.url}/ngsi-ld/v1/entityOperations/upsert`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization },
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
    const counted = await fetch(
      `${second.url}/ngsi-ld/v1/entities?type=Sensor&count=true&limit=0`,
      {
        headers: { authorization },
      },
    );
    expect(counted.headers.get('ngsild-results-count')).toBe('1000');
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
    // Two PGlite starts in one test: slow when the whole suite shares the CPUs.
  }, 90_000);
});
