#!/usr/bin/env node
/**
 * Backup and restore of a broker (decision 0010), measured: a source broker (its own process)
 * gets `--entities` sensors with a point each and `--updates` history rows per sensor, then
 * GET /admin/backup/summary, GET /admin/backup (to a file, with GET requests timed meanwhile: on
 * PGlite they wait for the dump) and POST /admin/restore into a fresh broker of the same driver.
 *
 *   node bench/backup-restore.mjs [--driver pglite|postgres] [--entities 20000] [--updates 5]
 *     [--database-url postgres://postgres@127.0.0.1:5432/postgres]
 *
 * Prints times, the dump's size (and gzipped), the brokers' peak RSS, and whether the restored
 * broker's summary equals the dump's end line (except the caller's key and the restore's audit
 * event). Exits 1 when a step answers an unexpected status.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { createGzip } from 'node:zlib';
import { authHeaders, benchApiKey } from './api-key.mjs';
import { buildIfStale } from './build-if-stale.mjs';
import { sampleRss } from './proc-stats.mjs';
import { createScratchDatabase } from './scratch-database.mjs';
import { freePort, startProcess, stopAll, stopProcess, waitForHttp } from './start-process.mjs';

const { values } = parseArgs({
  options: {
    driver: { type: 'string', default: 'pglite' },
    entities: { type: 'string', default: '20000' },
    updates: { type: 'string', default: '5' },
    'database-url': { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/postgres' },
  },
});
const root = resolve(import.meta.dirname, '..');
const entities = Number(values.entities);
const updates = Number(values.updates);
const cleanups = [];
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
const megabytes = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;

async function startBroker(name) {
  const dataDir = await mkdtemp(join(tmpdir(), `legocity-bench-${name}-`));
  cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
  const env = {
    ...process.env,
    LEGOCITY_BROKER_PORT: String(await freePort()),
    LEGOCITY_BROKER_HOST: '127.0.0.1',
    LEGOCITY_BROKER_DATA_DIR: dataDir,
    LEGOCITY_BROKER_ADMIN_KEY: benchApiKey(),
    LEGOCITY_BROKER_RATE_LIMIT: '0',
    LEGOCITY_BROKER_LOG_LEVEL: 'warn',
  };
  if (values.driver === 'postgres') {
    const scratch = await createScratchDatabase(values['database-url']);
    cleanups.push(() => scratch.drop());
    env.DATABASE_URL = scratch.url;
  }
  const handle = startProcess(`broker ${name}`, ['apps/broker/dist/main.js'], { env, cwd: root });
  const url = `http://127.0.0.1:${env.LEGOCITY_BROKER_PORT}`;
  await waitForHttp(`${url}/health/ready`, handle, 120_000);
  return { handle, url };
}

async function send(url, init, expected) {
  const response = await fetch(url, { ...init, headers: { ...authHeaders(), ...init.headers } });
  if (response.status !== expected) {
    throw new Error(`${init.method ?? 'GET'} ${url}: ${response.status} ${await response.text()}`);
  }
  return response;
}

async function seed(broker) {
  const batch = (from, count, update) =>
    Array.from({ length: count }, (_, i) => ({
      id: `urn:ngsi-ld:Sensor:${from + i}`,
      type: 'Sensor',
      temperature: {
        type: 'Property',
        value: update + i / 10,
        observedAt: new Date().toISOString(),
      },
      ...(update === 0 && {
        name: { type: 'Property', value: `sensor ${from + i}` },
        location: {
          type: 'GeoProperty',
          value: { type: 'Point', coordinates: [2.3 + i / 1e4, 48.8 + from / 1e6] },
        },
      }),
    }));
  for (let update = 0; update <= updates; update += 1) {
    for (let from = 0; from < entities; from += 1000) {
      const operation = update === 0 ? 'create' : 'update';
      await send(
        `${broker.url}/ngsi-ld/v1/entityOperations/${operation}`,
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(batch(from, Math.min(1000, entities - from), update)),
        },
        update === 0 ? 201 : 204,
      );
    }
  }
}

/** GET requests one after another until stopped: the slowest one. */
function probeLatency(broker) {
  let isRunning = true;
  let slowest = 0;
  const done = (async () => {
    while (isRunning) {
      const started = Date.now();
      await send(`${broker.url}/ngsi-ld/v1/entities/urn:ngsi-ld:Sensor:0`, {}, 200);
      slowest = Math.max(slowest, Date.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();
  return async () => {
    isRunning = false;
    await done;
    return slowest;
  };
}

async function main() {
  buildIfStale(root);
  const source = await startBroker('source');
  let started = Date.now();
  await seed(source);
  const rows = entities * (updates + 1);
  process.stdout.write(
    `${values.driver}: ${entities} entities, ${rows} history rows seeded in ${seconds(Date.now() - started)}\n`,
  );

  started = Date.now();
  const summary = await (await send(`${source.url}/admin/backup/summary`, {}, 200)).json();
  const summaryMs = Date.now() - started;

  const file = join(tmpdir(), `legocity-bench-dump-${process.pid}.ndjson`);
  cleanups.push(() => rm(file, { force: true }));
  const rss = sampleRss(source.handle.pid);
  const stopProbe = probeLatency(source);
  started = Date.now();
  const dump = await send(`${source.url}/admin/backup`, {}, 200);
  await pipeline(Readable.fromWeb(dump.body), createWriteStream(file));
  const backupMs = Date.now() - started;
  const slowestGet = await stopProbe();
  const sourceRss = rss.stop().maxKib;
  const size = (await stat(file)).size;
  let gzipped = 0;
  await pipeline(
    createReadStream(file),
    createGzip(),
    new Writable({
      write(chunk, _encoding, next) {
        gzipped += chunk.length;
        next();
      },
    }),
  );

  const target = await startBroker('target');
  const targetRss = sampleRss(target.handle.pid);
  started = Date.now();
  const restored = await send(
    `${target.url}/admin/restore`,
    {
      method: 'POST',
      headers: { 'content-type': 'application/x-ndjson' },
      body: Readable.toWeb(createReadStream(file)),
      duplex: 'half',
    },
    200,
  );
  const result = await restored.json();
  const restoreMs = Date.now() - started;
  const targetMaxKib = targetRss.stop().maxKib;
  const after = await (await send(`${target.url}/admin/backup/summary`, {}, 200)).json();
  const differing = after.tables
    .filter((table) => !['api_key', 'audit_event'].includes(table.name))
    .filter((table) => {
      const before = summary.tables.find((t) => t.schema === table.schema && t.name === table.name);
      return before?.sha256 !== table.sha256;
    })
    .map((table) => `${table.schema}.${table.name}`);

  const total = summary.tables.reduce((sum, table) => sum + table.rows, 0);
  process.stdout.write(
    [
      `rows in the dump      ${total} in ${summary.tables.length} tables`,
      `summary               ${seconds(summaryMs)}`,
      `backup                ${seconds(backupMs)}, ${megabytes(size)} (gzip: ${megabytes(gzipped)}); source broker peak RSS ${Math.round(sourceRss / 1024)} MB`,
      `slowest GET meanwhile ${slowestGet} ms`,
      `restore               ${seconds(restoreMs)} (broker: ${seconds(result.durationMs)}); target broker peak RSS ${Math.round(targetMaxKib / 1024)} MB`,
      `restored summary      ${differing.length === 0 ? 'equals the dump (but the caller key and the audit event)' : `DIFFERS in ${differing.join(', ')}`}`,
      '',
    ].join('\n'),
  );
  for (const broker of [source, target]) await stopProcess(broker.handle);
  if (differing.length > 0) process.exitCode = 1;
}

const cleanUp = async () => {
  await stopAll();
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
};
process.once('SIGINT', () => void cleanUp().then(() => process.exit(130)));
try {
  await main();
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
} finally {
  await cleanUp();
}
