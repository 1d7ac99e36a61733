/**
 * Phase 3: notifications. 100 subscriptions on one entity type deliver to a local HTTP sink (its
 * own process) while writers PATCH the entities; each change fans out to 100 notifications.
 * Figures: notifications delivered per second, delay from write to arrival (p50/p99), and how
 * many were missing once the outbox drained. Baseline in the same run: the sink's own capacity,
 * POSTing notification-sized bodies to it directly at the same concurrency.
 */
import { summarize } from './latency.mjs';
import { freePort, startProcess, stopProcess, waitForHttp } from './start-process.mjs';

const SINK = new URL('./notification-sink.mjs', import.meta.url).pathname;
const SUBSCRIPTIONS = 100;
const ENTITIES = 10;
const WRITERS = 4;
/** Paced phase: a rate the broker sustains on 2 shared cores, for latency without backlog. */
const PACED_WRITES = 5;

/**
 * @example const notifications = await runNotificationPhase({ options, broker: { url, headers } });
 */
export async function runNotificationPhase({ options, broker }) {
  const port = await freePort();
  const sinkProcess = startProcess('notification sink', [SINK, String(port)]);
  const sink = `http://127.0.0.1:${port}`;
  try {
    await waitForHttp(`${sink}/health/ready`, sinkProcess);
    const seconds = options.durationSeconds;
    log(`sink baseline: direct POSTs, ${options.notifyConcurrency ?? 32} in flight, ${seconds} s`);
    const baseline = await postDirectly(sink, seconds, 32);
    await fetch(`${sink}/reset`, { method: 'POST' });

    const tenant = 'bench_notify';
    const headers = {
      'content-type': 'application/json',
      'ngsild-tenant': tenant,
      ...(broker.headers ?? {}),
    };
    for (let i = 0; i < SUBSCRIPTIONS; i += 1) {
      await ok(
        fetch(`${broker.url}/ngsi-ld/v1/subscriptions`, {
          method: 'POST',
          headers,
          body: JSON.stringify({
            type: 'Subscription',
            entities: [{ type: 'BenchSensor' }],
            watchedAttributes: ['reading'],
            notification: { endpoint: { uri: `${sink}/notify` }, format: 'keyValues' },
          }),
        }),
      );
    }
    const ids = Array.from({ length: ENTITIES }, (_, i) => `urn:ngsi-ld:BenchSensor:${i}`);
    await ok(
      fetch(`${broker.url}/ngsi-ld/v1/entityOperations/upsert`, {
        method: 'POST',
        headers,
        body: JSON.stringify(
          ids.map((id) => ({ id, type: 'BenchSensor', note: { type: 'Property', value: 'x' } })),
        ),
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    await fetch(`${sink}/reset`, { method: 'POST' });

    log(
      `broker notifications, as fast as possible: ${SUBSCRIPTIONS} subscriptions, ${WRITERS} writers, ${seconds} s`,
    );
    const throughput = await measure({
      broker,
      sink,
      headers,
      ids,
      seconds,
      writesPerSecond: undefined,
    });
    log(
      `broker notifications at ${PACED_WRITES} writes/s (${PACED_WRITES * SUBSCRIPTIONS} notifications/s): ${seconds} s`,
    );
    const paced = await measure({
      broker,
      sink,
      headers,
      ids,
      seconds,
      writesPerSecond: PACED_WRITES,
    });
    return { subscriptions: SUBSCRIPTIONS, throughput, paced, baseline };
  } finally {
    await stopProcess(sinkProcess);
  }
}

/**
 * Write for `seconds` (as fast as WRITERS allow, or paced), then wait for the outbox to drain;
 * report writes, notifications expected and received, rate and write-to-receipt latency.
 */
async function measure({ broker, sink, headers, ids, seconds, writesPerSecond }) {
  await fetch(`${sink}/reset`, { method: 'POST' });
  const writeLatencies = [];
  let writes = 0;
  let failedWrites = 0;
  const started = Date.now();
  const deadline = started + seconds * 1000;
  const gapMs = writesPerSecond ? (1000 * WRITERS) / writesPerSecond : 0;
  await Promise.all(
    Array.from({ length: WRITERS }, async (_, w) => {
      let n = w;
      let next = started + (gapMs * w) / WRITERS;
      while (Date.now() < deadline) {
        if (gapMs > 0) {
          const wait = next - Date.now();
          if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
          next += gapMs;
          if (Date.now() >= deadline) break;
        }
        const id = ids[n % ids.length];
        n += WRITERS;
        const sentAt = Date.now();
        const response = await fetch(
          `${broker.url}/ngsi-ld/v1/entities/${encodeURIComponent(id)}/attrs`,
          {
            method: 'PATCH',
            headers,
            body: JSON.stringify({ reading: { type: 'Property', value: sentAt } }),
          },
        );
        await response.arrayBuffer();
        if (response.status === 204) writes += 1;
        else failedWrites += 1;
        writeLatencies.push(Date.now() - sentAt);
      }
    }),
  );
  const expected = writes * SUBSCRIPTIONS;
  let stats = await (await fetch(`${sink}/stats`)).json();
  const drainDeadline = Date.now() + 180_000;
  while (stats.entities < expected && Date.now() < drainDeadline) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    stats = await (await fetch(`${sink}/stats`)).json();
  }
  const elapsed = Math.max(1, stats.lastAt - started) / 1000;
  return {
    writes,
    failedWrites,
    writeLatency: summarize(writeLatencies),
    expected,
    delivered: stats.entities,
    notifications: stats.notifications,
    notificationsPerSecond: stats.entities / elapsed,
    latency: stats.latency,
    drainSeconds: Math.max(0, (stats.lastAt - deadline) / 1000),
  };
}

/** The sink's capacity without the broker: notification-sized POSTs, `inFlight` at a time. */
async function postDirectly(sink, seconds, inFlight) {
  const deadline = Date.now() + seconds * 1000;
  let sent = 0;
  const started = Date.now();
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (Date.now() < deadline) {
        const body = JSON.stringify({
          id: 'urn:ngsi-ld:Notification:x',
          type: 'Notification',
          subscriptionId: 'urn:ngsi-ld:Subscription:x',
          notifiedAt: new Date().toISOString(),
          data: [{ id: 'urn:ngsi-ld:BenchSensor:0', type: 'BenchSensor', reading: Date.now() }],
        });
        const response = await fetch(`${sink}/notify`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
        });
        await response.arrayBuffer();
        sent += 1;
      }
    }),
  );
  return { notificationsPerSecond: sent / ((Date.now() - started) / 1000) };
}

async function ok(pending) {
  const response = await pending;
  if (response.status >= 300)
    throw new Error(`broker answered ${response.status}: ${await response.text()}`);
}

function log(message) {
  process.stderr.write(`${message}\n`);
}
