#!/usr/bin/env node
/**
 * A/B probe of single-entity writes: two builds of the broker (two checkouts, each with
 * apps/broker/dist built) take turns, round after round, on fresh scratch databases holding the
 * same entities; autocannon sends PATCH /entities/{id}/attrs (the `patch` scenario of the HTTP
 * phase). Alternating A and B spreads whatever else the machine does over both.
 *
 *   node bench/ab-patch.mjs --a /tmp/wt-before --b . [--rounds 3] [--entities 20000] [--duration 10]
 *     [--a-env NAME=VALUE]… [--b-env NAME=VALUE]…   (extra environment of one side's broker, e.g.
 *     --b-env LEGOCITY_BROKER_AUTH=off to see what authentication costs)
 *     [--b-node-arg ARG]…   (e.g. --b-node-arg=--cpu-prof --b-node-arg=--cpu-prof-dir=/tmp/prof)
 *
 * Prints requests per second of every run, the CPU time the broker and PostgreSQL spent per
 * request (less sensitive than req/s to whatever else runs on the machine), the median of each
 * side and B/A.
 */
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { authHeaders, benchApiKey } from './api-key.mjs';
import { weatherObserved } from './entity-generator.mjs';
import { createScratchDatabase } from './scratch-database.mjs';
import { freePort, runChild, startProcess, stopProcess, waitForHttp } from './start-process.mjs';

const { values } = parseArgs({
  options: {
    a: { type: 'string' },
    b: { type: 'string', default: '.' },
    rounds: { type: 'string', default: '3' },
    entities: { type: 'string', default: '20000' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '16' },
    scenario: { type: 'string', default: 'patch' },
    'database-url': { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/postgres' },
    'a-env': { type: 'string', multiple: true, default: [] },
    'b-env': { type: 'string', multiple: true, default: [] },
    'b-node-arg': { type: 'string', multiple: true, default: [] },
  },
});
if (!values.a) {
  process.stderr.write('Usage: node bench/ab-patch.mjs --a DIR --b DIR [--rounds N]\n');
  process.exit(2);
}
const sides = { A: resolve(values.a), B: resolve(values.b) };
const envOf = (list) =>
  Object.fromEntries(
    list.map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]),
  );
const extraEnv = { A: envOf(values['a-env']), B: envOf(values['b-env']) };
const entities = Number(values.entities);
const CLIENT = new URL('./http-client.mjs', import.meta.url).pathname;
benchApiKey();

const results = { A: [], B: [] };
for (let round = 1; round <= Number(values.rounds); round += 1) {
  for (const side of round % 2 === 1 ? ['A', 'B'] : ['B', 'A']) {
    const run = await runOnce(
      sides[side],
      extraEnv[side],
      side === 'B' ? values['b-node-arg'] : [],
    );
    results[side].push(run);
    process.stderr.write(
      `round ${round} ${side} (${sides[side]}): ${run.perSecond.toFixed(0)} req/s, ` +
        `CPU per request: broker ${run.brokerMs.toFixed(3)} ms, PostgreSQL ${run.postgresMs.toFixed(3)} ms\n`,
    );
  }
}
const median = (list) => [...list].sort((x, y) => x - y)[Math.floor(list.length / 2)];
for (const [label, key, unit] of [
  ['requests per second', 'perSecond', 'req/s'],
  ['broker CPU per request', 'brokerMs', 'ms'],
  ['PostgreSQL CPU per request', 'postgresMs', 'ms'],
]) {
  const a = median(results.A.map((run) => run[key]));
  const b = median(results.B.map((run) => run[key]));
  const digits = unit === 'ms' ? 3 : 0;
  process.stdout.write(
    `${values.scenario} ${label}: A ${a.toFixed(digits)} ${unit}, B ${b.toFixed(digits)} ${unit} (medians of ${results.A.length}); B/A = ${(b / a).toFixed(2)}\n`,
  );
}

async function runOnce(dir, env, nodeArgs) {
  const db = await createScratchDatabase(values['database-url']);
  let broker;
  try {
    const port = await freePort();
    broker = startProcess('broker', [...nodeArgs, `${dir}/apps/broker/dist/main.js`], {
      cwd: dir,
      env: {
        ...process.env,
        DATABASE_URL: db.url,
        LEGOCITY_BROKER_PORT: String(port),
        LEGOCITY_BROKER_HOST: '127.0.0.1',
        LEGOCITY_BROKER_LOG_LEVEL: 'warn',
        LEGOCITY_BROKER_ADMIN_KEY: benchApiKey(),
        LEGOCITY_BROKER_RATE_LIMIT: '0',
        ...env,
      },
    });
    const url = `http://127.0.0.1:${port}`;
    await waitForHttp(`${url}/health/ready`, broker);
    for (let start = 0; start < entities; start += 1000) {
      const batch = [];
      for (let i = start; i < Math.min(entities, start + 1000); i += 1)
        batch.push(weatherObserved(i, 1));
      const response = await fetch(`${url}/ngsi-ld/v1/entityOperations/upsert`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...authHeaders() },
        body: JSON.stringify(batch),
      });
      await response.arrayBuffer();
      if (response.status >= 300) throw new Error(`upsert answered ${response.status}`);
    }
    await db.query('vacuum analyze');
    const result = await runChild(CLIENT, {
      url,
      scenario: values.scenario,
      connections: Number(values.connections),
      durationSeconds: Number(values.duration),
      warmupSeconds: 2,
      entities,
      databaseName: db.name,
      serverPid: broker.pid,
    });
    if (result.unexpected > 0) throw new Error(`unexpected statuses: ${result.samples.join('; ')}`);
    return {
      perSecond: result.perSecond,
      brokerMs: (result.cpu.serverSeconds * 1000) / result.requests,
      postgresMs: (result.cpu.postgresSeconds * 1000) / result.requests,
    };
  } finally {
    if (broker) await stopProcess(broker);
    await db.drop();
  }
}
