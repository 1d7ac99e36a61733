/**
 * Child process: the HTTP load generator. Runs autocannon (keep-alive connections, no
 * pipelining) against one scenario for a fixed duration after a warm-up, checks every status,
 * and prints one JSON line. Each request draws a random entity id or a random point
 * (setupRequest), so the server's caches see realistic spread, not one hot key.
 *
 * Input (argv[2], JSON): { url, scenario: 'patch'|'get'|'query', connections, durationSeconds,
 *   warmupSeconds, entities, databaseName, serverPid }
 */
import { authHeaders } from './api-key.mjs';
import autocannon from 'autocannon';
import { entityId, queryParams, randomPoint, seededRandom } from './entity-generator.mjs';
import { summarize } from './latency.mjs';
import { measureCpu } from './proc-stats.mjs';

const input = JSON.parse(process.argv[2]);
const random = seededRandom(0xbe7c4);
const randomId = () => encodeURIComponent(entityId(Math.floor(random() * input.entities)));

/** What each scenario sends and the one status that counts as success. */
const SCENARIOS = {
  // Partial attribute update: a new temperature for a random entity.
  patch: {
    expected: 204,
    request: (request) => ({
      ...request,
      method: 'PATCH',
      path: `/ngsi-ld/v1/entities/${randomId()}/attrs`,
      headers: { ...request.headers, 'content-type': 'application/json' },
      body: JSON.stringify({
        temperature: { type: 'Property', value: Math.round(300 * random()) / 10 + 5 },
      }),
    }),
  },
  // Retrieve one entity by id.
  get: {
    expected: 200,
    request: (request) => ({
      ...request,
      method: 'GET',
      path: `/ngsi-ld/v1/entities/${randomId()}`,
    }),
  },
  // Type + q + geo-query around a random point of the area (default limit, 20).
  query: {
    expected: 200,
    request: (request) => ({ ...request, method: 'GET', path: queryPath(randomPoint(random)) }),
  },
};

/** GET /entities with the query phase's parameters around one point. */
function queryPath(point) {
  const search = Object.entries(queryParams(point)).map(
    ([key, value]) => `${key}=${encodeURIComponent(value)}`,
  );
  return `/ngsi-ld/v1/entities?${search.join('&')}`;
}

const scenario = SCENARIOS[input.scenario];
if (!scenario) throw new Error(`Unknown scenario ${input.scenario}`);

// Warm-up: same load, results discarded.
if (input.warmupSeconds > 0)
  await run(
    input.warmupSeconds,
    () => undefined,
    () => undefined,
  );

const latencies = [];
const statuses = {};
const samples = [];
let unexpected = 0;
const cpu = measureCpu({ serverPid: input.serverPid, databaseName: input.databaseName });
const started = process.hrtime.bigint();
const result = await run(
  input.durationSeconds,
  (statusCode, responseTime) => {
    latencies.push(responseTime);
    statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
    if (statusCode !== scenario.expected) unexpected += 1;
  },
  (status, body) => {
    if (status !== scenario.expected && samples.length < 5)
      samples.push(`HTTP ${status}: ${String(body).slice(0, 500)}`);
  },
);
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
const cpuUsed = cpu.stop();

process.stdout.write(
  `${JSON.stringify({
    scenario: input.scenario,
    url: input.url,
    connections: input.connections,
    seconds,
    requests: latencies.length,
    perSecond: latencies.length / seconds,
    latencyMs: summarize(latencies),
    expectedStatus: scenario.expected,
    statuses,
    unexpected,
    connectionErrors: result.errors,
    timeouts: result.timeouts,
    samples,
    cpu: cpuUsed,
  })}\n`,
);

/** One autocannon run; `onTiming` sees every response's status and latency (ms, sub-ms precision). */
function run(durationSeconds, onTiming, onBody) {
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: input.url,
        connections: input.connections,
        pipelining: 1,
        duration: durationSeconds,
        headers: authHeaders(),
        requests: [{ setupRequest: scenario.request, onResponse: onBody }],
      },
      (error, outcome) => (error ? reject(error) : resolve(outcome)),
    );
    // autocannon's own histogram rounds to whole milliseconds; we keep the raw float.
    instance.on('response', (_client, statusCode, _bytes, responseTime) =>
      onTiming(statusCode, responseTime),
    );
  });
}
