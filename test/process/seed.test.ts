/**
 * `legocity seed` against a real broker process (embedded database): the demo city's snapshot,
 * an open-data CSV with bad rows (reported by line, the rest loaded), and clear refusals.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, runBroker, waitReady, type RunningBroker } from './run-broker.js';
import { runCli } from './run-cli.js';

const PARKINGS = new URL(
  '../../apps/updaters/fixtures/open-data/parkings.mapping.json',
  import.meta.url,
).pathname;

describe('legocity seed', () => {
  let folder: string;
  let broker: RunningBroker;
  let env: Record<string, string>;
  let adminKey: string;

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'legocity-seed-test-'));
    broker = runBroker({
      LEGOCITY_BROKER_PORT: freePort(),
      LEGOCITY_BROKER_DATA_DIR: join(folder, 'broker'),
      DATABASE_URL: '',
    });
    await waitReady(broker);
    adminKey = (await readFile(join(folder, 'broker', 'admin.key'), 'utf8')).trim();
    env = { LEGOCITY_CLI_BROKER_URL: broker.url, LEGOCITY_CLI_DATA_DIR: folder };
  }, 120_000);

  afterAll(async () => {
    broker.child.kill('SIGTERM');
    await broker.exited;
    await rm(folder, { recursive: true, force: true });
  });

  const count = async (type: string) => {
    const response = await fetch(
      `${broker.url}/ngsi-ld/v1/entities?type=${type}&count=true&limit=1`,
      {
        headers: { authorization: `Bearer ${adminKey}` },
      },
    );
    return Number(response.headers.get('ngsild-results-count'));
  };

  it('loads the demo city snapshot', async () => {
    const run = await runCli(['seed', 'demo'], env);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^simulator: \d+ created, 0 updated, 0 unchanged, 0 rejected\n$/);
    expect(await count('TrafficFlowObserved')).toBeGreaterThan(0);
    expect(await count('MedicalFacility')).toBeGreaterThan(0);
  }, 60_000);

  it('loads the good rows of a CSV, names each bad row by line, and never duplicates', async () => {
    const before = await count('OffStreetParking');
    const first = await runCli(['seed', PARKINGS], env);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toBe(
      'open-data-parkings: 12 created, 0 updated, 0 unchanged, 0 rejected\n',
    );
    expect(first.stderr).toContain('line 14: column "capacity": expected an integer, got "abc"');
    expect(first.stderr).toContain('line 17: has 4 fields, the header has 6');
    const again = await runCli(['seed', PARKINGS], env);
    expect(again.stdout).toBe(
      'open-data-parkings: 0 created, 12 updated, 0 unchanged, 0 rejected\n',
    );
    expect(await count('OffStreetParking')).toBe(before + 12);
  }, 60_000);

  it('refuses what it cannot load, saying why, and never prints the key', async () => {
    const missing = await runCli(['seed', join(folder, 'missing.json')], env);
    expect(missing).toMatchObject({ code: 2 });
    expect(missing.stderr).toContain('missing.json: does not exist');
    const csv = await runCli(['seed', 'parkings.csv'], env);
    expect(csv.stderr).toContain("'parkings.csv' must be `demo` or a mapping file (.json)");
    const noKey = await runCli(['seed', 'demo'], {
      ...env,
      LEGOCITY_CLI_DATA_DIR: join(folder, 'nowhere'),
    });
    expect(noKey).toMatchObject({ code: 2 });
    expect(noKey.stderr).toContain('no broker admin key');
    for (const run of [missing, csv, noKey])
      expect(run.stdout + run.stderr).not.toContain(adminKey);
  }, 60_000);
});
