import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EntityBody } from '@legocity/broker-client';
import { createLogger, createMetrics } from '@legocity/observability';
import { captureLines } from '../../observability/src/logger/capture-lines.test-support.js';
import { createUpdater, type Updater } from './create-updater.js';
import { PermanentError } from './errors.js';
import { sendJson, startFixtureServer } from './http-fixture.test-support.js';
import type { EntityContract, PolledSource, StreamContext, StreamSource } from './source.js';
import { createUpdaterMetrics } from './updater-metrics.js';

const contract: EntityContract = {
  type: 'Sensor',
  version: '1.0.0',
  idPattern: 'urn:ngsi-ld:Sensor:\\d+',
  attributes: [{ name: 'level', kind: 'Property', valueType: 'number' }],
};
const sensor = (n: number, level: number): EntityBody => ({
  id: `urn:ngsi-ld:Sensor:${n}`,
  type: 'Sensor',
  level: { type: 'Property', value: level },
});

/** A fake broker: records upserts and the key they came with; answers 201 with new ids. */
async function fakeBroker() {
  const upserts: Array<{ key: string; entities: EntityBody[] }> = [];
  const known = new Set<string>();
  const server = await startFixtureServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      const entities = JSON.parse(body) as EntityBody[];
      upserts.push({ key: request.headers.authorization ?? '', entities });
      const created = entities.map((e) => e.id).filter((id) => !known.has(id));
      for (const entity of entities) known.add(entity.id);
      if (created.length > 0) sendJson(response, 201, created);
      else response.writeHead(204).end();
    });
  });
  return { ...server, upserts };
}

async function until(condition: () => boolean) {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
}

let dataDir: string;
let updater: Updater | undefined;
let closers: Array<() => Promise<void>> = [];
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'legocity-updater-'));
});
afterEach(async () => {
  await updater?.stop();
  updater = undefined;
  for (const close of closers) await close();
  closers = [];
  await rm(dataDir, { recursive: true, force: true });
});

describe('createUpdater', () => {
  it('runs a polled source into the broker with its own key and reports it', async () => {
    const broker = await fakeBroker();
    closers.push(() => broker.close());
    const metrics = createMetrics({ prefix: 'legocity_updaters', collectDefaultMetrics: false });
    const source: PolledSource = {
      kind: 'polled',
      id: 'levels',
      title: 'Water levels',
      entityTypes: ['Sensor'],
      contracts: [contract],
      periodMs: 60_000,
      graceMs: 60_000,
      schedule: { every: 60_000 },
      fetch: () => Promise.resolve([1, 2, 3]),
      transform: (raw) => [...(raw as number[]).map((n) => sensor(n, n)), sensor(99, Number.NaN)],
    };
    const logger = createLogger({ component: 't', version: 't', commit: 't', level: 'silent' });
    updater = createUpdater({
      sources: [source],
      broker: { url: broker.url, keyFor: (id) => `key-of-${id}` },
      dataDir,
      logger,
      metrics: createUpdaterMetrics(metrics),
    });
    await updater.start();
    await until(() => updater!.report()[0]!.totals.created === 3);
    expect(broker.upserts[0]!.key).toBe('Bearer key-of-levels');
    const [report] = updater.report();
    expect(report).toMatchObject({
      id: 'levels',
      kind: 'polled',
      staleness: 'fresh',
      totals: { created: 3, updated: 0, unchanged: 0, rejected: 1 },
      outbox: { pending: 0, oldestAgeMs: 0 },
      errors: { contract: { permanent: 1, retryable: 0 } },
    });
    expect(report!.lastSuccessAt).toBeDefined();
    const text = (await metrics.render()).body;
    expect(text).toContain(
      'legocity_updaters_entities_written_total{source="levels",outcome="created"} 3',
    );
    expect(text).toContain(
      'legocity_updaters_errors_total{source="levels",kind="contract",class="permanent"} 1',
    );
    expect(text).toContain(
      'legocity_updaters_errors_total{source="levels",kind="auth",class="permanent"} 0',
    );
    expect(text).toContain('legocity_updaters_source_staleness{source="levels",state="fresh"} 1');
    expect(text).toContain('legocity_updaters_outbox_pending_entities{source="levels"} 0');
    expect(text).toContain('legocity_updaters_run_duration_seconds_count{source="levels"} 1');
  });

  it('gives stream sources a write that validates, dedupes and queues', async () => {
    const broker = await fakeBroker();
    closers.push(() => broker.close());
    let context: StreamContext | undefined;
    const stream: StreamSource = {
      kind: 'stream',
      id: 'mqtt',
      title: 'Sensors',
      entityTypes: ['Sensor'],
      contracts: [contract],
      periodMs: 60_000,
      graceMs: 60_000,
      start: (given) => {
        context = given;
        return Promise.resolve();
      },
      stop: () => Promise.resolve(),
      ready: () => ({ ok: true }),
    };
    const logger = createLogger({ component: 't', version: 't', commit: 't', level: 'silent' });
    updater = createUpdater({
      sources: [stream],
      broker: { url: broker.url, keyFor: () => 'k' },
      dataDir,
      logger,
    });
    await updater.start();
    expect(await context!.write([sensor(1, 5)])).toEqual({ queued: 1, unchanged: 0, rejected: 0 });
    expect(await context!.write([sensor(1, 5)])).toEqual({ queued: 0, unchanged: 1, rejected: 0 });
    const refused = await context!
      .write([sensor(2, 1), { ...sensor(3, 1), id: 'bad' }])
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(PermanentError);
    expect((refused as Error).message).toBe('bad: id must match /urn:ngsi-ld:Sensor:\\d+/');
    context!.reportError(new PermanentError('unknown-device', 'device d-9 is not provisioned'));
    await until(() => updater!.report()[0]!.totals.created === 2);
    expect(updater.report()[0]).toMatchObject({
      ready: { ok: true },
      errors: { 'unknown-device': { permanent: 1 }, contract: { permanent: 1 } },
    });
  });

  it('turns a failing source late then down, logging each once', async () => {
    const broker = await fakeBroker();
    closers.push(() => broker.close());
    const api = await startFixtureServer((_request, response) => sendJson(response, 500, {}));
    closers.push(() => api.close());
    const logs = captureLines();
    const logger = createLogger({
      component: 't',
      version: 't',
      commit: 't',
      destination: logs.destination,
    });
    const source: PolledSource = {
      kind: 'polled',
      id: 'failing',
      title: 'Failing',
      entityTypes: ['Sensor'],
      contracts: [contract],
      periodMs: 100,
      graceMs: 100,
      schedule: { every: 20 },
      fetch: async (context) => (await context.get(`${api.url}/x`)).body,
      transform: () => [],
    };
    updater = createUpdater({
      sources: [source],
      broker: { url: broker.url, keyFor: () => 'k' },
      dataDir,
      logger,
      http: { retry: { attempts: 1 } },
    });
    await updater.start();
    await until(() => updater!.report()[0]!.staleness === 'down');
    await new Promise((resolve) => setTimeout(resolve, 150));
    const transitions = logs.lines
      .filter((line) => line.staleness !== undefined)
      .map((line) => [line.severity, line.staleness]);
    expect(transitions).toEqual([
      ['warn', 'late'],
      ['warn', 'down'],
    ]);
    expect(updater.report()[0]!.errors['http-5xx']!.retryable).toBeGreaterThan(0);
  });
});
