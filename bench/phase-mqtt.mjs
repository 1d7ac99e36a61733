/**
 * Phase: MQTT sensors end to end. A publisher sends QoS 1 measures to Mosquitto at a fixed rate
 * (default 2,000 msg/s for 60 s; LEGOCITY_BENCH_MQTT_RATE, LEGOCITY_BENCH_MQTT_SECONDS); the MQTT
 * update server (built dist/ code, its own process) writes them to the broker. Figures:
 * - measures/s acknowledged end to end, and loss: every message must be acknowledged by the update
 *   server (a Mosquitto queue overflow shows here), the outbox must drain with nothing rejected,
 *   and each device's final value in the broker must be the last one it published;
 * - publish-to-broker latency (p50/p99): each measure carries its publish time (`s`, ms); the
 *   broker notifies a local HTTP sink of every change (subscription, keyValues), and latency is
 *   arrival at the sink minus `s`. It therefore includes the notification's own delivery; updates
 *   of one device merged into one upsert by the runtime give one sample (the newest).
 * Mosquitto: our own `mosquitto` on a free port with a large per-client queue, or the one at
 * LEGOCITY_BENCH_MQTT_URL. Standalone: `node bench/phase-mqtt.mjs` (PostgreSQL scratch database).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { summarize } from './latency.mjs';
import { freePort, startProcess, stopProcess } from './start-process.mjs';

const ROOT = new URL('..', import.meta.url).pathname;
const DEVICES = 100;
const TENANT = 'bench_mqtt';
const TYPE = 'BenchMeasure';

/**
 * @example const mqtt = await runMqttPhase({ options, broker: { url, headers } });
 */
export async function runMqttPhase({ options = {}, broker }) {
  const rate = Number(process.env.LEGOCITY_BENCH_MQTT_RATE ?? 2000);
  const seconds = Number(process.env.LEGOCITY_BENCH_MQTT_SECONDS ?? (options.quick ? 10 : 60));
  const mosquitto = process.env.LEGOCITY_BENCH_MQTT_URL
    ? { url: process.env.LEGOCITY_BENCH_MQTT_URL, stop: async () => undefined }
    : await startMosquitto();
  const sink = await startSink();
  const dir = mkdtempSync(join(tmpdir(), 'legocity-bench-mqtt-'));
  const headers = {
    'content-type': 'application/json',
    'ngsild-tenant': TENANT,
    ...broker.headers,
  };
  let updater;
  try {
    const key = await json(
      fetch(`${broker.url}/admin/keys`, {
        method: 'POST',
        headers,
        body: JSON.stringify({
          name: `bench-mqtt-${Date.now()}`,
          scopes: [{ access: 'write', tenants: [TENANT], entityTypes: [TYPE] }],
        }),
      }),
    );
    await json(
      fetch(`${broker.url}/ngsi-ld/v1/subscriptions`, {
        method: 'POST',
        headers,
        body: JSON.stringify({
          type: 'Subscription',
          entities: [{ type: TYPE }],
          watchedAttributes: ['sentAt'],
          notification: {
            endpoint: { uri: sink.url },
            format: 'keyValues',
            attributes: ['sentAt', 'value'],
          },
        }),
      }),
    );
    const devicesFile = join(dir, 'devices.json');
    writeFileSync(devicesFile, JSON.stringify(devicesJson()));
    const prefix = `bench/${Date.now()}`;
    const settings = {
      LEGOCITY_UPDATERS_MQTT_URL: mosquitto.url,
      LEGOCITY_UPDATERS_MQTT_CLIENT_ID: `legocity-bench-${process.pid}-${Date.now()}`,
      LEGOCITY_UPDATERS_MQTT_TOPIC_PREFIX: prefix,
      LEGOCITY_UPDATERS_MQTT_DEVICES: devicesFile,
      LEGOCITY_UPDATERS_MQTT_STATE_DIR: join(dir, 'state'),
      brokerUrl: broker.url,
      tenant: TENANT,
      writeKey: key.key,
      dataDir: join(dir, 'data'),
    };
    updater = startProcess(
      'mqtt updater',
      [new URL(import.meta.url).pathname, '--updater', JSON.stringify(settings)],
      { cwd: ROOT },
    );
    await waitFor(() => lastStats(updater)?.ready, 60_000, updater);

    log(`MQTT: ${rate} msg/s at QoS 1 for ${seconds} s over ${DEVICES} devices`);
    const published = await publish({ url: mosquitto.url, prefix, rate, seconds });
    const drainStart = Date.now();
    await waitFor(
      () => {
        const stats = lastStats(updater);
        return (
          stats &&
          stats.acknowledged >= published.count &&
          stats.pending === 0 &&
          stats.outboxPending === 0
        );
      },
      120_000,
      updater,
    ).catch(() => undefined);
    const stats = lastStats(updater);
    const finalValues = await lastValues(broker, headers);
    const stale = published.last.filter(
      (value, device) => finalValues.get(device) !== value,
    ).length;
    const elapsed = (drainStart - published.startedAt + (Date.now() - drainStart)) / 1000;
    const result = {
      rateTarget: rate,
      seconds,
      published: published.count,
      publishFailures: published.failed,
      acknowledged: stats?.acknowledged ?? 0,
      notAcknowledged: published.count - (stats?.acknowledged ?? 0),
      rejected: stats?.rejected ?? 0,
      devicesNotUpToDate: stale,
      zeroLoss:
        published.failed === 0 &&
        stats?.acknowledged === published.count &&
        stale === 0 &&
        stats?.rejected === 0,
      measuresPerSecond: (stats?.acknowledged ?? 0) / elapsed,
      publishRate: published.count / published.seconds,
      drainSeconds: (Date.now() - drainStart) / 1000,
      latencyMs: summarize(sink.latencies),
    };
    log(
      `MQTT: ${result.measuresPerSecond.toFixed(0)} measures/s end to end, zero loss: ${result.zeroLoss}, ` +
        `p50 ${result.latencyMs.p50.toFixed(0)} ms, p99 ${result.latencyMs.p99.toFixed(0)} ms`,
    );
    return result;
  } finally {
    if (updater) await stopProcess(updater);
    await sink.close();
    await mosquitto.stop();
  }
}

function devicesJson() {
  return {
    deviceTypes: {
      'bench-sensor': {
        entityType: TYPE,
        entityIdPrefix: `urn:ngsi-ld:${TYPE}:`,
        attributes: [
          { object: 'v', name: 'value', valueType: 'integer' },
          { object: 's', name: 'sentAt', valueType: 'integer' },
        ],
      },
    },
    devices: Array.from({ length: DEVICES }, (_, i) => ({
      deviceId: `d${i}`,
      deviceType: 'bench-sensor',
    })),
  };
}

/** Paced QoS 1 publishing; `last[d]` is the last value device d published. */
async function publish({ url, prefix, rate, seconds }) {
  const { default: mqtt } = await import('mqtt');
  const client = await mqtt.connectAsync(url, { protocolVersion: 5, clean: true });
  const total = rate * seconds;
  const last = new Array(DEVICES).fill(undefined);
  let failed = 0;
  let acked = 0;
  const startedAt = Date.now();
  const inFlight = new Set();
  for (let n = 0; n < total; n += 1) {
    const due = startedAt + (n * 1000) / rate;
    const wait = due - Date.now();
    if (wait > 5) await new Promise((resolve) => setTimeout(resolve, wait));
    const device = n % DEVICES;
    last[device] = n;
    const sentAt = Date.now();
    const payload = JSON.stringify({
      v: n,
      s: sentAt,
      // One millisecond apart per message: each device's observations strictly increase.
      observedAt: new Date(startedAt + n).toISOString(),
    });
    const sending = client
      .publishAsync(`${prefix}/d${device}/attrs`, payload, { qos: 1 })
      .then(
        () => (acked += 1),
        () => (failed += 1),
      )
      .finally(() => inFlight.delete(sending));
    inFlight.add(sending);
  }
  await Promise.all(inFlight);
  const publishSeconds = (Date.now() - startedAt) / 1000;
  await client.endAsync();
  return { count: acked, failed, last, startedAt, seconds: publishSeconds };
}

/** value of every device in the broker, by device index. */
async function lastValues(broker, headers) {
  const entities = await json(
    fetch(`${broker.url}/ngsi-ld/v1/entities?type=${TYPE}&limit=1000&options=keyValues`, {
      headers,
    }),
  );
  return new Map(entities.map((entity) => [Number(entity.id.split(':d').pop()), entity.value]));
}

/** The HTTP endpoint the broker notifies; latency = arrival − sentAt of each entity. */
async function startSink() {
  const latencies = [];
  const server = createServer((request, response) => {
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', () => {
      const arrivedAt = Date.now();
      try {
        for (const entity of JSON.parse(Buffer.concat(chunks).toString()).data ?? [])
          if (typeof entity.sentAt === 'number') latencies.push(arrivedAt - entity.sentAt);
      } catch {
        // not a notification
      }
      response.writeHead(204).end();
    });
  });
  const port = await freePort();
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${port}/notify`,
    latencies,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(resolve);
      }),
  };
}

/** Our own Mosquitto with a queue large enough for the whole run (the default 1,000 drops). */
async function startMosquitto() {
  const dir = mkdtempSync(join(tmpdir(), 'legocity-bench-mosquitto-'));
  const port = await freePort();
  const config = join(dir, 'mosquitto.conf');
  writeFileSync(
    config,
    [
      `listener ${port} 127.0.0.1`,
      'allow_anonymous true',
      'persistence false',
      'max_queued_messages 1000000',
      `user ${process.env.USER ?? 'root'}`,
      '',
    ].join('\n'),
  );
  const child = spawn('mosquitto', ['-c', config], { stdio: 'ignore' });
  await new Promise((resolve) => setTimeout(resolve, 500));
  if (child.exitCode !== null) throw new Error('mosquitto did not start');
  return {
    url: `mqtt://127.0.0.1:${port}`,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

function lastStats(handle) {
  const lines = handle.output().trim().split('\n').reverse();
  for (const line of lines) {
    if (!line.startsWith('{"event"')) continue;
    try {
      return JSON.parse(line);
    } catch {
      // cut line
    }
  }
  return undefined;
}

async function waitFor(condition, timeoutMs, handle) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (handle.child.exitCode !== null)
      throw new Error(`${handle.name} exited:\n${handle.output()}`);
    if (Date.now() > deadline)
      throw new Error(`${handle.name}: not done in time:\n${handle.output().slice(-2000)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function json(responsePromise) {
  const response = await responsePromise;
  const text = await response.text();
  if (!response.ok) throw new Error(`${response.url}: ${response.status} ${text}`);
  return text ? JSON.parse(text) : undefined;
}

function log(message) {
  process.stderr.write(`${message}\n`);
}

/** Child mode: the MQTT update server on built code, printing its counters as JSON lines. */
async function runUpdater(settings) {
  const { createLogger } = await import('@legocity/observability');
  const { createUpdater } = await import('@legocity/updater-runtime');
  const { readMqttConfig } = await import(`${ROOT}apps/updaters/dist/sources/mqtt/config.js`);
  const { readDevicesFile } = await import(
    `${ROOT}apps/updaters/dist/sources/mqtt/devices-file.js`
  );
  const { createMqttSource } = await import(`${ROOT}apps/updaters/dist/sources/mqtt/source.js`);
  const config = readMqttConfig(settings);
  const devices = await readDevicesFile(settings.LEGOCITY_UPDATERS_MQTT_DEVICES);
  if (!config.ok || !devices.ok) throw new Error(JSON.stringify([config, devices]));
  const source = createMqttSource(config.value, devices.value);
  const logger = createLogger({
    component: 'updaters',
    version: 'bench',
    commit: 'bench',
    level: 'warn',
    destination: process.stderr,
  });
  const updater = createUpdater({
    sources: [source],
    broker: { url: settings.brokerUrl, tenant: settings.tenant, keyFor: () => settings.writeKey },
    dataDir: settings.dataDir,
    logger,
  });
  await updater.start();
  const timer = setInterval(() => {
    const report = updater.report()[0];
    process.stdout.write(
      `${JSON.stringify({ event: 'stats', ready: source.ready().ok, ...source.stats(), outboxPending: report?.outbox.pending ?? 0, rejected: report?.totals.rejected ?? 0 })}\n`,
    );
  }, 200);
  process.once('SIGTERM', () => {
    clearInterval(timer);
    void updater.stop().then(() => process.exit(0));
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const at = process.argv.indexOf('--updater');
  if (at > 0) await runUpdater(JSON.parse(process.argv[at + 1]));
  else await standalone();
}

/** `node bench/phase-mqtt.mjs`: a broker on a PostgreSQL scratch database, then this phase. */
async function standalone() {
  const { createScratchDatabase } = await import('./scratch-database.mjs');
  const { benchApiKey, authHeaders } = await import('./api-key.mjs');
  const { waitForHttp } = await import('./start-process.mjs');
  const db = await createScratchDatabase(
    process.env.LEGOCITY_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  );
  const port = await freePort();
  const brokerProcess = startProcess('broker', [`${ROOT}apps/broker/dist/main.js`], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: db.url,
      LEGOCITY_BROKER_PORT: String(port),
      LEGOCITY_BROKER_LOG_LEVEL: 'warn',
      LEGOCITY_BROKER_ADMIN_KEY: benchApiKey(),
      LEGOCITY_BROKER_RATE_LIMIT: '0',
    },
  });
  try {
    const url = `http://127.0.0.1:${port}`;
    await waitForHttp(`${url}/health/ready`, brokerProcess);
    const result = await runMqttPhase({ broker: { url, headers: authHeaders() } });
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } finally {
    await stopProcess(brokerProcess);
    await db.drop();
  }
}
