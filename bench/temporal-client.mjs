/**
 * Child process: load generator for the temporal phase. Runs autocannon (keep-alive, no
 * pipelining) against ONE fixed path for a fixed duration after a warm-up, checks every status
 * and prints one JSON line: requests per second and exact latency percentiles.
 *
 * Input (argv[2], JSON): { url, path, headers, expected, connections, durationSeconds, warmupSeconds }
 */
import autocannon from 'autocannon';
import { summarize } from './latency.mjs';

const input = JSON.parse(process.argv[2]);

if (input.warmupSeconds > 0) await run(input.warmupSeconds, () => undefined);

const latencies = [];
const statuses = {};
let unexpected = 0;
const started = process.hrtime.bigint();
const result = await run(input.durationSeconds, (statusCode, responseTime) => {
  latencies.push(responseTime);
  statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
  if (statusCode !== input.expected) unexpected += 1;
});
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
process.stdout.write(
  `${JSON.stringify({
    path: input.path,
    connections: input.connections,
    seconds,
    requests: latencies.length,
    perSecond: latencies.length / seconds,
    latencyMs: summarize(latencies),
    statuses,
    unexpected,
    connectionErrors: result.errors,
    timeouts: result.timeouts,
  })}\n`,
);

function run(durationSeconds, onTiming) {
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: `${input.url}${input.path}`,
        headers: input.headers,
        connections: input.connections,
        pipelining: 1,
        duration: durationSeconds,
      },
      (error, outcome) => (error ? reject(error) : resolve(outcome)),
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) =>
      onTiming(statusCode, responseTime),
    );
  });
}
