#!/usr/bin/env node
/**
 * `npm run bench`: the broker's throughput on PostgreSQL against baselines measured in the same
 * run. Creates a scratch database, starts the broker as its own process, runs the batch-upsert
 * phase (baseline: raw pg), the HTTP phases (baseline: a no-op Fastify server) and the others —
 * the last one, the dashboard in headless Chromium (phase-dashboard.mjs) — prints the
 * summary and writes the raw results to bench/results/<timestamp>.json. Every process it starts
 * is stopped by PID and the scratch database is dropped, also on failure or Ctrl-C.
 * See bench/README.md.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { authHeaders, benchApiKey } from './api-key.mjs';
import { buildIfStale } from './build-if-stale.mjs';
import { explainBrokerQuery } from './explain-query.mjs';
import { randomPoint, seededRandom } from './entity-generator.mjs';
import { parseOptions } from './options.mjs';
import { runBatchPhase } from './phase-batch-upsert.mjs';
import { dashboardSummary, prepareDashboardPhase, runDashboardPhase } from './phase-dashboard.mjs';
import { runHttpPhase } from './phase-http.mjs';
import { runMqttPhase } from './phase-mqtt.mjs';
import { runNotificationPhase } from './phase-notifications.mjs';
import { runTemporalPhase, temporalSummary } from './phase-temporal.mjs';
import {
  CPU_HEADER,
  SUMMARY_HEADER,
  busyPhases,
  cpuRows,
  markdownTable,
  problemsOf,
  summaryRows,
  textTable,
} from './report.mjs';
import { createScratchDatabase } from './scratch-database.mjs';
import { freePort, startProcess, stopAll, stopProcess, waitForHttp } from './start-process.mjs';

const ROOT = new URL('..', import.meta.url).pathname;
const RESULTS = new URL('./results/', import.meta.url).pathname;

const parsed = parseOptions(process.argv.slice(2));
if (!parsed.options) {
  process.stderr.write(`${(parsed.problems ?? []).join('\n')}\n${parsed.help}\n`);
  process.exit(parsed.problems ? 2 : 0);
}
const { options } = parsed;
if (options.reportFile) {
  printSummary(JSON.parse(readFileSync(options.reportFile, 'utf8')), options.reportFile);
  process.exit(0);
}
const startedAt = new Date();
const stamp = startedAt
  .toISOString()
  .replace(/:/g, '-')
  .replace(/\.\d+Z$/, 'Z');

buildIfStale(ROOT);
// Say now, not after the broker phases, when the dashboard phase cannot run here (and build
// the dashboard when it is stale, before anything is timed).
try {
  await prepareDashboardPhase();
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
}
const db = await createScratchDatabase(options.serverUrl);
process.stderr.write(`Scratch database ${db.name}\n`);
let cleanedUp = false;
const cleanUp = async () => {
  if (cleanedUp) return;
  cleanedUp = true;
  await stopAll();
  await db.drop().catch((error) => process.stderr.write(`Could not drop ${db.name}: ${error}\n`));
};
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    process.stderr.write(`\n${signal}: stopping the broker and dropping ${db.name}\n`);
    void cleanUp().finally(() => process.exit(130));
  });
}

try {
  const environment = await describeEnvironment(db, options);
  let broker = await startBroker(
    db.url,
    options,
    options.cpuProfile ? `${RESULTS}cpu-${stamp}` : undefined,
  );
  const batch = await runBatchPhase({ options, db, broker });
  if (options.cpuProfile) {
    // The profile is written when the broker exits: restart it so the profile holds the batch phase only.
    await stopProcess(broker.process);
    broker = await startBroker(db.url, options);
    process.stderr.write(`CPU profile of the batch phase in ${RESULTS}cpu-${stamp}/\n`);
  }
  // A loaded production table has planner statistics (autovacuum would analyze it within a
  // minute); make that explicit rather than timing-dependent.
  await db.query('vacuum analyze');
  const http = await runHttpPhase({ options, db, broker });
  const explained = await explainBrokerQuery(db, randomPoint(seededRandom(11)));
  const notifications = await runNotificationPhase({ options, broker });
  const temporal = await runTemporalPhase({ options, db, broker });
  const mqtt = await runMqttPhase({ options, broker });
  await stopProcess(broker.process);
  // Its own platform (`legocity up`, embedded storage) in a headless Chromium.
  const dashboard = await runDashboardPhase({ options });

  const results = {
    startedAt: startedAt.toISOString(),
    options,
    environment,
    batch,
    http,
    explained,
    notifications,
    temporal,
    mqtt,
    dashboard,
  };
  mkdirSync(RESULTS, { recursive: true });
  const file = `${RESULTS}${stamp}.json`;
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  printSummary(results, file);
  if (problemsOf(results).length > 0) process.exitCode = 1;
} catch (error) {
  process.stderr.write(
    `The benchmark failed: ${error instanceof Error ? error.stack : String(error)}\n`,
  );
  process.exitCode = 1;
} finally {
  await cleanUp();
}

/** Start the broker on a free port against the scratch database and wait until it is ready. */
async function startBroker(databaseUrl, { poolSize }, cpuProfileDir) {
  const port = await freePort();
  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    LEGOCITY_BROKER_PORT: String(port),
    LEGOCITY_BROKER_HOST: '127.0.0.1',
    LEGOCITY_BROKER_LOG_LEVEL: 'warn',
    // Auth stays on (its cost is measured); the per-key rate limit would cap the load itself.
    LEGOCITY_BROKER_ADMIN_KEY: benchApiKey(),
    LEGOCITY_BROKER_RATE_LIMIT: '0',
    ...(poolSize ? { LEGOCITY_BROKER_DB_POOL_SIZE: String(poolSize) } : {}),
  };
  const nodeArgs = cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${cpuProfileDir}`] : [];
  const handle = startProcess('broker', [...nodeArgs, `${ROOT}apps/broker/dist/main.js`], {
    env,
    cwd: ROOT,
  });
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(`${url}/health/ready`, handle);
  // Phases send `headers` with every broker request (the run's API key).
  return { url, pid: handle.pid, process: handle, headers: authHeaders() };
}

async function describeEnvironment(db, options) {
  const { rows } =
    await db.query(`select current_setting('server_version') as pg, public.postgis_lib_version() as postgis,
    current_setting('shared_buffers') as shared_buffers, current_setting('synchronous_commit') as synchronous_commit`);
  return {
    node: process.version,
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    loadAverageBefore: loadavg()[0],
    postgres: rows[0],
    brokerPoolSize: options.poolSize ?? 'broker default (16)',
    commit: gitCommit(),
  };
}

/** The measured code: HEAD, marked dirty when the work tree differs from it. */
function gitCommit() {
  try {
    const git = (...args) => execFileSync('git', args, { cwd: ROOT }).toString().trim();
    return `${git('rev-parse', '--short', 'HEAD')}${git('status', '--porcelain', '--untracked-files=no') ? ' (dirty)' : ''}`;
  } catch {
    return 'unknown';
  }
}

function notificationSummary(n) {
  const line = (label, m) => {
    const lost = m.expected - m.delivered;
    return (
      `  ${label}: ${m.writes} PATCHes (p50 ${m.writeLatency.p50} ms) → ${m.delivered}/${m.expected} entities notified` +
      `${lost > 0 ? ` (${lost} MISSING)` : ''} in ${m.notifications} notifications, ` +
      `${Math.round(m.notificationsPerSecond)}/s; write → received p50 ${m.latency.p50} ms, p99 ${m.latency.p99} ms; ` +
      `outbox drained ${m.drainSeconds.toFixed(1)} s after the writers stopped.`
    );
  };
  return [
    `Notifications (${n.subscriptions} subscriptions on one type; sink alone takes ${Math.round(n.baseline.notificationsPerSecond)} POST/s from this load generator):`,
    line('as fast as possible', n.throughput),
    line('paced', n.paced),
  ].join('\n');
}

function mqttSummary(m) {
  return (
    `MQTT sensors end to end (publisher → Mosquitto → update server → broker, QoS 1, 100 devices, ${m.seconds} s at a ${m.rateTarget} msg/s target): ` +
    `${Math.round(m.measuresPerSecond)} measures/s (${Math.round((100 * m.measuresPerSecond) / m.rateTarget)}% of the target; publisher reached ${Math.round(m.publishRate)}/s); ` +
    `${m.zeroLoss ? 'zero loss' : `LOSS: ${m.notAcknowledged} not acknowledged, ${m.rejected} rejected, ${m.devicesNotUpToDate} devices not up to date`}; ` +
    `publish → broker change notified p50 ${Math.round(m.latencyMs.p50)} ms, p99 ${Math.round(m.latencyMs.p99)} ms.`
  );
}

function mb(bytes) {
  return Math.round(bytes / 1e6);
}

function printSummary(results, file) {
  const { environment: env, options: o, batch, http } = results;
  const out = [];
  out.push('', `LegoCity broker benchmark — ${results.startedAt}`);
  out.push(
    `${env.cores} cores (${env.cpu}) shared by the broker, PostgreSQL ${env.postgres.pg} + PostGIS ${env.postgres.postgis} ` +
      'and the load generator: every figure competes with the other two processes for the same CPUs.',
  );
  out.push(
    `Commit ${env.commit ?? 'unknown'}; Node ${env.node}; ${o.entities.toLocaleString('en-US')} entities; batches of ${o.batchSize}, ${o.batchConcurrency} in flight; ` +
      `HTTP: ${o.connections} connections, ${o.durationSeconds} s per phase after ${o.warmupSeconds} s warm-up; broker pool ${env.brokerPoolSize}.`,
  );
  out.push(
    `PostgreSQL shared_buffers ${env.postgres.shared_buffers}, synchronous_commit ${env.postgres.synchronous_commit}; ` +
      `broker tables after loading: entity ${mb(batch.tableBytes.entity)} MB, geo_attribute ${mb(batch.tableBytes.geoAttribute)} MB (with indexes).`,
  );
  out.push(
    `Stored attrs per entity: broker ${batch.storedBytes.broker.bytes} B, raw pg ${batch.storedBytes.baseline.bytes} B. ` +
      `Query probe: ${http.probe.averageReturned} entities returned (limit 20), ${http.probe.averageMatching} matching on average.`,
  );
  out.push('', textTable(SUMMARY_HEADER, summaryRows(results)));
  out.push(
    '',
    'CPU time per unit of work (ms), measured from /proc:',
    textTable(CPU_HEADER, cpuRows(results)),
  );
  const busy = busyPhases(results);
  if (busy.length > 0) {
    out.push(
      '',
      'WARNING: other processes competed for the CPUs; these figures understate:',
      ...busy.map((b) => `  ${b}`),
    );
  }
  if (o.explain)
    out.push(
      '',
      'EXPLAIN ANALYZE of the query phase SQL:',
      results.explained.sql,
      results.explained.plan,
    );
  if (results.notifications) out.push('', notificationSummary(results.notifications));
  if (results.temporal) out.push('', ...temporalSummary(results.temporal));
  if (results.mqtt) out.push('', mqttSummary(results.mqtt));
  if (results.dashboard) out.push('', ...dashboardSummary(results.dashboard));
  out.push('', 'Markdown:', '', markdownTable(SUMMARY_HEADER, summaryRows(results)), '');
  const problems = problemsOf(results);
  if (problems.length > 0)
    out.push('INVALID RUN — unexpected responses:', ...problems.map((p) => `  ${p}`), '');
  out.push(`Raw results: ${file}`);
  process.stdout.write(`${out.join('\n')}\n`);
}
