/**
 * Child process: load `entities` WeatherObserved entities in batches, either through the broker
 * (POST /ngsi-ld/v1/entityOperations/upsert?options=update) or straight into PostgreSQL with
 * `pg` (the baseline), and print one JSON line with the figures. Runs in its own process so the
 * load generator never shares an event loop with the broker or the orchestrator.
 *
 * Input (argv[2], JSON): { target: 'broker'|'pg', pass, entities, batchSize, concurrency,
 *   databaseName, brokerUrl?, brokerPid?, databaseUrl?, schema? }
 */
import { authHeaders } from './api-key.mjs';
import pg from 'pg';
import pgUtils from 'pg/lib/utils.js';
import { storedRow, weatherObserved } from './entity-generator.mjs';
import { msSince, summarize } from './latency.mjs';
import { measureCpu } from './proc-stats.mjs';

const input = JSON.parse(process.argv[2]);

// Build every batch before the clock starts: the figure is the server's, not our JSON.stringify.
const batches = [];
for (let first = 0; first < input.entities; first += input.batchSize) {
  const indexes = [];
  for (let index = first; index < Math.min(first + input.batchSize, input.entities); index += 1)
    indexes.push(index);
  const entities = indexes.map((index) => weatherObserved(index, input.pass));
  batches.push(input.target === 'broker' ? JSON.stringify(entities) : baselineParams(entities));
}

const sender = input.target === 'broker' ? await brokerSender() : await baselineSender();
const latencies = [];
const statuses = {};
const errors = [];
let next = 0;
const cpu = measureCpu({ serverPid: input.brokerPid, databaseName: input.databaseName });
const started = process.hrtime.bigint();
// `concurrency` workers take the next batch as soon as their previous one is answered.
await Promise.all(
  Array.from({ length: input.concurrency }, async (_, worker) => {
    while (next < batches.length) {
      const batch = batches[next];
      next += 1;
      const sent = process.hrtime.bigint();
      const outcome = await sender.send(batch, worker);
      latencies.push(msSince(sent));
      statuses[outcome.status] = (statuses[outcome.status] ?? 0) + 1;
      if (outcome.error && errors.length < 5) errors.push(outcome.error);
    }
  }),
);
const seconds = msSince(started) / 1000;
const cpuUsed = cpu.stop();
await sender.close();

process.stdout.write(
  `${JSON.stringify({
    target: input.target,
    pass: input.pass,
    entities: input.entities,
    batches: batches.length,
    batchSize: input.batchSize,
    concurrency: input.concurrency,
    seconds,
    perSecond: input.entities / seconds,
    batchLatencyMs: summarize(latencies),
    statuses,
    errors,
    cpu: cpuUsed,
  })}\n`,
);

/** Through the broker: 201 (some created) on the first pass, 204 (all updated) on the second. */
async function brokerSender() {
  const url = `${input.brokerUrl}/ngsi-ld/v1/entityOperations/upsert?options=update`;
  const expected = input.pass === 1 ? 201 : 204;
  return {
    async send(body) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...authHeaders() },
        body,
      });
      const text = await response.text();
      if (response.status === expected) return { status: response.status };
      return {
        status: response.status,
        error: `HTTP ${response.status} (expected ${expected}): ${text.slice(0, 500)}`,
      };
    },
    close: async () => undefined,
  };
}

/**
 * Straight into PostgreSQL: one `insert … select from unnest(…) on conflict do update` per table
 * per batch, in one transaction, one connection per worker — the fastest plain way we know
 * (notes/storage-facts.md). The first pass inserts, the second updates every row.
 */
async function baselineSender() {
  const clients = await Promise.all(
    Array.from({ length: input.concurrency }, async () => {
      const client = new pg.Client({
        connectionString: input.databaseUrl,
        application_name: 'legocity-bench-baseline',
      });
      await client.connect();
      return client;
    }),
  );
  const s = input.schema;
  const entitySql = `insert into ${s}.entity (id, types, attrs, created_at, modified_at)
    select id, array[type], attrs, at, at from unnest($1::text[], $2::text[], $3::jsonb[], $4::timestamptz[]) as x(id, type, attrs, at)
    on conflict (id) do update set types = excluded.types, attrs = excluded.attrs, modified_at = excluded.modified_at`;
  const geoSql = `insert into ${s}.geo_attribute (entity_id, name, geom)
    select id, name, public.ST_SetSRID(public.ST_GeomFromGeoJSON(g), 4326) from unnest($1::text[], $2::text[], $3::text[]) as x(id, name, g)
    on conflict (entity_id, name, dataset_id) do update set geom = excluded.geom`;
  return {
    async send(params, worker) {
      const client = clients[worker];
      try {
        await client.query('begin');
        await client.query(entitySql, params.entity);
        await client.query(geoSql, params.geo);
        await client.query('commit');
        return { status: 'ok' };
      } catch (error) {
        await client.query('rollback').catch(() => undefined);
        return { status: 'error', error: String(error) };
      }
    },
    close: () => Promise.all(clients.map((client) => client.end())),
  };
}

/**
 * The baseline's statement parameters, already in PostgreSQL's array text form (pg's own
 * encoding, done here before the clock starts), just as the broker's bodies are JSON text.
 */
function baselineParams(entities) {
  const now = new Date().toISOString();
  const rows = entities.map((entity) => storedRow(entity, now));
  const encode = (values) => pgUtils.prepareValue(values);
  return {
    entity: [
      encode(rows.map((r) => r.id)),
      encode(rows.map((r) => r.type)),
      encode(rows.map((r) => JSON.stringify(r.attrs))),
      encode(rows.map((r) => r.now)),
    ],
    geo: [
      encode(rows.map((r) => r.id)),
      encode(rows.map((r) => r.geo.name)),
      encode(rows.map((r) => JSON.stringify(r.geo.geometry))),
    ],
  };
}
