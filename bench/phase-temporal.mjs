#!/usr/bin/env node
/**
 * Temporal phase: one entity with 10,000 recorded instances of a numeric attribute, then
 *   - GET /temporal/entities/{id}?options=aggregatedValues&aggrMethods=avg,min,max&aggrPeriodDuration=PT1H
 *   - GET /temporal/entities/{id}?lastN=100
 * under a few concurrent connections (autocannon). Baseline in the same run: the same aggregation
 * and the same newest-100 read as hand-written SQL through `pg` on a pool of as many connections,
 * straight against the change log (no HTTP, no JSON-LD, no formatting).
 *
 * SETUP SHORTCUT: the 10,000 instances are INSERTed directly into the tenant's change log
 * (`entity_change`, rows as the broker writes them: one entityUpdated row per instance), not
 * written through the API, so loading takes a second; the entity itself is created through the
 * API. The measured reads go through the API.
 *
 * Run alone: `node bench/phase-temporal.mjs [--duration S] [--connections C]` (creates and drops
 * its own scratch database and broker); `npm run bench` runs it after the other phases.
 */
import { parseArgs } from 'node:util';
import pg from 'pg';
import { authHeaders, benchApiKey } from './api-key.mjs';
import { buildIfStale } from './build-if-stale.mjs';
import { summarize } from './latency.mjs';
import { createScratchDatabase } from './scratch-database.mjs';
import {
  freePort,
  runChild,
  startProcess,
  stopAll,
  stopProcess,
  waitForHttp,
} from './start-process.mjs';

const CLIENT = new URL('./temporal-client.mjs', import.meta.url).pathname;
const INSTANCES = 10_000;
const TENANT = 'bench_temporal';
const ENTITY = 'urn:ngsi-ld:Sensor:bench-temporal';
const VOCAB = 'https://uri.etsi.org/ngsi-ld/default-context/';
const AGGREGATED = '?options=aggregatedValues&aggrMethods=avg,min,max&aggrPeriodDuration=PT1H';
const LAST_N = '?lastN=100';

/**
 * @example const temporal = await runTemporalPhase({ options, db, broker: { url, headers } });
 * // { instances, periods, aggregated: { broker, sql }, lastN: { broker, sql } }
 */
export async function runTemporalPhase({ options, db, broker }) {
  const connections = Math.min(options.connections, 4);
  const headers = { 'ngsild-tenant': TENANT, ...authHeaders(), ...(broker.headers ?? {}) };
  const created = await fetch(`${broker.url}/ngsi-ld/v1/entities`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify({
      id: ENTITY,
      type: 'Sensor',
      temperature: { type: 'Property', value: 0 },
    }),
  });
  if (created.status !== 201)
    throw new Error(`create: HTTP ${created.status} ${await created.text()}`);
  const schema = (
    await db.query('select schema_name from legocity.tenant where name = $1', [TENANT])
  ).rows[0].schema_name;
  const table = `"${schema}".entity_change`;
  log(`temporal: inserting ${INSTANCES} instances directly into ${table} (setup shortcut)`);
  await db.query(
    `insert into ${table} (entity_id, types, trigger, attrs, at)
     select $1, array[$2], 'entityUpdated',
       jsonb_build_object($3::text, jsonb_build_array(jsonb_build_object(
         'type', 'Property',
         'value', round((15 + 10 * sin(g / 50.0))::numeric, 2),
         'observedAt', to_char(ts at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
         'createdAt', '2024-05-01T00:00:00.000Z',
         'modifiedAt', to_char(ts at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')))),
       ts
     from generate_series(1, ${INSTANCES}) g,
       lateral (select timestamptz '2024-05-01T00:00:00Z' + g * interval '1 minute' as ts) t`,
    [ENTITY, `${VOCAB}Sensor`, `${VOCAB}temperature`],
  );
  await db.query(`vacuum analyze ${table}`);

  const url = (query) => `/ngsi-ld/v1/temporal/entities/${encodeURIComponent(ENTITY)}${query}`;
  const probe = await (await fetch(`${broker.url}${url(AGGREGATED)}`, { headers })).json();
  const periods = probe.temperature?.avg?.length ?? 0;
  const lastN = await (await fetch(`${broker.url}${url(LAST_N)}`, { headers })).json();
  if (periods < 100 || lastN.temperature?.length !== 100) {
    throw new Error(
      `temporal probe failed: ${periods} periods, ${lastN.temperature?.length} instances`,
    );
  }
  log(`temporal probe: ${periods} hourly periods, lastN=100 returns 100 instances`);

  const load = {
    url: broker.url,
    headers,
    expected: 200,
    connections,
    durationSeconds: options.durationSeconds,
    warmupSeconds: options.warmupSeconds,
  };
  const sql = sqlBaselines(table);
  const results = { instances: INSTANCES, periods, connections };
  for (const [name, query] of [
    ['aggregated', AGGREGATED],
    ['lastN', LAST_N],
  ]) {
    log(`temporal ${name}: broker, ${connections} connections, ${options.durationSeconds} s`);
    const viaBroker = await runChild(CLIENT, { ...load, path: url(query) });
    log(`temporal ${name}: raw SQL through pg, ${connections} connections`);
    const viaSql = await measureSql(db.url, sql[name], [ENTITY, `${VOCAB}temperature`], load);
    results[name] = { broker: viaBroker, sql: viaSql };
  }
  return results;
}

/** The same reads written by hand against the change log: what PostgreSQL alone needs. */
function sqlBaselines(table) {
  const instances = `select (i->>'observedAt')::timestamptz as t, i->'value' as v
    from ${table} c, jsonb_array_elements(c.attrs->$2) as i where c.entity_id = $1`;
  return {
    aggregated: `with x as (${instances}), o as (select min(t) as lo from x)
      select date_bin('1 hour', t, o.lo) as start, avg((v #>> '{}')::numeric)::float8 as avg,
        min((v #>> '{}')::numeric)::float8 as min, max((v #>> '{}')::numeric)::float8 as max
      from x, o group by 1 order by 1`,
    lastN: `${instances} order by t desc limit 100`,
  };
}

/** `connections` loops each running the statement back to back for the duration, on a pg pool. */
async function measureSql(
  databaseUrl,
  sql,
  params,
  { connections, durationSeconds, warmupSeconds },
) {
  // JIT off as in the broker (temporal/read-history.ts): the planner's row guesses for jsonb
  // functions would make PostgreSQL compile every statement, which costs more than running it.
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: connections,
    options: '-c jit=off',
  });
  try {
    const loop = async (until, latencies) => {
      while (Date.now() < until) {
        const start = process.hrtime.bigint();
        await pool.query(sql, params);
        latencies?.push(Number(process.hrtime.bigint() - start) / 1e6);
      }
    };
    const warm = Date.now() + warmupSeconds * 1000;
    await Promise.all(Array.from({ length: connections }, () => loop(warm)));
    const latencies = [];
    const started = process.hrtime.bigint();
    const until = Date.now() + durationSeconds * 1000;
    await Promise.all(Array.from({ length: connections }, () => loop(until, latencies)));
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    return {
      requests: latencies.length,
      perSecond: latencies.length / seconds,
      latencyMs: summarize(latencies),
    };
  } finally {
    await pool.end();
  }
}

/**
 * The lines `npm run bench` prints for this phase.
 * @example temporalSummary(results.temporal).forEach((line) => console.log(line))
 */
export function temporalSummary(t) {
  const line = (name, label) => {
    const { broker, sql } = t[name];
    const ratio = Math.round((100 * broker.perSecond) / sql.perSecond);
    return (
      `  ${label}: broker ${Math.round(broker.perSecond)} req/s (p50 ${broker.latencyMs.p50.toFixed(1)} ms, p99 ${broker.latencyMs.p99.toFixed(1)} ms)` +
      ` | raw SQL ${Math.round(sql.perSecond)} q/s (p50 ${sql.latencyMs.p50.toFixed(1)} ms, p99 ${sql.latencyMs.p99.toFixed(1)} ms) = ${ratio}%` +
      (broker.unexpected > 0
        ? `  INVALID: ${broker.unexpected} unexpected statuses ${JSON.stringify(broker.statuses)}`
        : '')
    );
  };
  return [
    `Temporal: one entity with ${t.instances.toLocaleString('en-US')} instances (inserted directly into the change log), ${t.connections} connections:`,
    line('aggregated', `avg,min,max per PT1H (${t.periods} periods)`),
    line('lastN', 'lastN=100'),
  ];
}

function log(message) {
  process.stderr.write(`${message}\n`);
}

// Run alone: its own scratch database and broker.
if (import.meta.url === new URL(process.argv[1] ?? '', 'file://').href) {
  const { values } = parseArgs({
    options: {
      duration: { type: 'string', default: '10' },
      connections: { type: 'string', default: '4' },
      'database-url': { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/postgres' },
    },
  });
  const root = new URL('..', import.meta.url).pathname;
  buildIfStale(root);
  const db = await createScratchDatabase(values['database-url']);
  // An admin key the broker accepts (auth is on by default); authHeaders() sends it.
  const adminKey = benchApiKey();
  try {
    const port = await freePort();
    const handle = startProcess('broker', [`${root}apps/broker/dist/main.js`], {
      cwd: root,
      env: {
        ...process.env,
        DATABASE_URL: db.url,
        LEGOCITY_BROKER_PORT: String(port),
        LEGOCITY_BROKER_LOG_LEVEL: 'warn',
        LEGOCITY_BROKER_ADMIN_KEY: adminKey,
        LEGOCITY_BROKER_RATE_LIMIT: '0',
      },
    });
    const url = `http://127.0.0.1:${port}`;
    await waitForHttp(`${url}/health/ready`, handle);
    const options = {
      connections: Number(values.connections),
      durationSeconds: Number(values.duration),
      warmupSeconds: 2,
    };
    const results = await runTemporalPhase({
      options,
      db,
      broker: { url },
    });
    await stopProcess(handle);
    process.stdout.write(`${temporalSummary(results).join('\n')}\n`);
  } finally {
    await stopAll();
    await db.drop();
  }
}
