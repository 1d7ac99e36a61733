/**
 * Phase 1: batch upsert. Loads the entities twice (pass 1 creates them, pass 2 updates every one)
 * first straight into PostgreSQL with `pg` (the baseline, its own tables), then through the
 * broker. Both load clients run in their own child process with the same batch size and the
 * same number of batches in flight. The broker's load also seeds the HTTP phases.
 */
import { cpus } from 'node:os';
import { sampleRss, waitForQuietMachine } from './proc-stats.mjs';
import { BASELINE_DDL, BASELINE_SCHEMA } from './scratch-database.mjs';
import { runChild } from './start-process.mjs';

const CLIENT = new URL('./batch-client.mjs', import.meta.url).pathname;

/**
 * @example const batch = await runBatchPhase({ options, db, broker: { url, pid } });
 * // { baseline: [pass1, pass2], broker: [pass1, pass2], maxRssKib, storedBytes }
 */
export async function runBatchPhase({ options, db, broker }) {
  const common = {
    entities: options.entities,
    batchSize: options.batchSize,
    concurrency: options.batchConcurrency,
    databaseName: db.name,
  };
  await db.query(BASELINE_DDL);

  const baseline = [];
  for (const pass of [1, 2]) {
    const busyBefore = await settle(db, options);
    log(`baseline (raw pg) pass ${pass}: ${options.entities} rows`);
    const result = await runChild(CLIENT, {
      ...common,
      target: 'pg',
      pass,
      databaseUrl: db.url,
      schema: BASELINE_SCHEMA,
    });
    baseline.push({ ...result, busyBefore });
  }

  const brokerPasses = [];
  let maxRssKib = 0;
  for (const pass of [1, 2]) {
    const busyBefore = await settle(db, options);
    log(`broker pass ${pass}: ${options.entities} entities`);
    const rss = sampleRss(broker.pid);
    const result = await runChild(CLIENT, {
      ...common,
      target: 'broker',
      pass,
      brokerUrl: broker.url,
      brokerPid: broker.pid,
    });
    brokerPasses.push({ ...result, busyBefore });
    maxRssKib = Math.max(maxRssKib, rss.stop().maxKib);
  }

  // Fairness check: both sides must have stored the same amount of data per entity.
  const storedBytes = {
    baseline: await averageAttrsBytes(db, `${BASELINE_SCHEMA}.entity`),
    broker: await averageAttrsBytes(db, 'tenant_default.entity'),
  };
  const tableBytes = await tableSizes(db);
  await db.query(`drop schema ${BASELINE_SCHEMA} cascade`);
  return { baseline, broker: brokerPasses, maxRssKib, storedBytes, tableBytes };
}

/**
 * Start each pass from the same state: dirty pages flushed, so no pass pays for the last one's,
 * and (on a shared machine) other people's work gone from the CPUs if it leaves in time.
 */
async function settle(db, options) {
  await db.query('checkpoint');
  return waitForQuietMachine({ timeoutSeconds: options.quietWaitSeconds, cores: cpus().length });
}

async function averageAttrsBytes(db, table) {
  const { rows } = await db.query(
    `select avg(pg_column_size(attrs))::int as bytes, count(*)::int as n from ${table}`,
  );
  return rows[0];
}

/** On-disk size (with indexes and TOAST) of the broker's tables: compare with shared_buffers. */
async function tableSizes(db) {
  const { rows } =
    await db.query(`select pg_total_relation_size('tenant_default.entity')::bigint as entity,
    pg_total_relation_size('tenant_default.geo_attribute')::bigint as geo_attribute`);
  return { entity: Number(rows[0].entity), geoAttribute: Number(rows[0].geo_attribute) };
}

function log(message) {
  process.stderr.write(`[batch] ${message}\n`);
}
