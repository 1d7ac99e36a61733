import type { FastifyInstance } from 'fastify';
import {
  createHealth,
  createMetrics,
  versionInfo,
  type Logger,
  type Metrics,
} from '@legocity/observability';
import { buildApp } from './app.js';
import { startAccessControl } from './auth/start-access-control.js';
import { createBrokerContext, type BrokerContext } from './broker-context.js';
import type { BrokerConfig } from './config.js';
import { ContextService } from './contexts/context-service.js';
import { ContextStore } from './contexts/context-store.js';
import { recordChanges } from './history/change-log.js';
import { Notifier } from './notifications/notifier.js';
import { openDatabase } from './open-database.js';
import { startRetentionJob } from './temporal/retention/retention-job.js';
import type { Database } from './storage/database.js';
import { loadMigrations, migrateGlobal } from './storage/migrate.js';
import { quoteIdentifier } from './storage/sql-params.js';
import { TenantRegistry } from './tenants/tenant-registry.js';
import { BROKER_VERSION, gitCommit } from './version.js';

export interface Broker {
  app: FastifyInstance;
  ctx: BrokerContext;
  db: Database;
  /** Stop taking requests, drain in-flight ones, close the database. */
  close(): Promise<void>;
  markShuttingDown(): void;
}

/**
 * Assemble a broker from its configuration: storage (migrated), tenants, @contexts, metrics,
 * health and the HTTP app. Does not listen and never ends the process (main.ts does).
 * @example const broker = await createBroker(config, logger); await broker.app.listen({ port: 1026 });
 */
export async function createBroker(
  config: BrokerConfig,
  logger: Logger,
  options: { db?: Database } = {},
): Promise<Broker> {
  const db = options.db ?? (await openDatabase(config, logger));
  // The notifier is created last (it needs the app's metrics); the change listener wakes it.
  const wake: { notifier?: Notifier } = {};
  const applied = await migrateGlobal(db, await loadMigrations('global'));
  const tenants = new TenantRegistry(db, await loadMigrations('tenant'));
  const known = await tenants.initialise();
  logger.info({ migrationsApplied: applied, tenants: known.length }, 'Storage ready');

  const ctx = createBrokerContext({
    db,
    tenants,
    onChange: recordChanges(
      (tenant) => tenants.schemaOf(tenant),
      () => new Date().toISOString(),
      (tenant) => wake.notifier?.poke(tenant),
    ),
    limits: {
      maxBatchEntities: config.maxBatchEntities,
      maxQueryLimit: config.maxQueryLimit,
      defaultQueryLimit: config.defaultQueryLimit,
      maxTemporalInstances: config.temporalMaxInstances,
      historyRetentionSeconds: config.historyRetention / 1000,
    },
  });
  const publicUrl = config.publicUrl ?? `http://localhost:${config.port}`;
  const contexts = new ContextService(new ContextStore(db), {
    publicUrl,
    fetchTimeoutMs: config.contextFetchTimeout,
    maxContextBytes: 1024 * 1024,
  });
  const commit = config.commit ?? gitCommit() ?? 'unknown';
  const startedAt = new Date();
  const metrics = createMetrics({ prefix: 'legocity_broker' });
  registerStorageMetrics(metrics, db, tenants);
  const auth = await startAccessControl({ config, db, logger, metrics });
  const health = createHealth({
    component: 'broker',
    version: BROKER_VERSION,
    commit,
    startedAt,
    checks: [
      {
        name: 'database',
        critical: true,
        run: async () => (await db.ping(), { ok: true, detail: db.driver }),
      },
      auth.healthCheck,
    ],
  });
  const app = await buildApp({
    ctx,
    contexts,
    logger,
    metrics,
    health,
    bodyLimitBytes: config.bodyLimitBytes,
    publicUrl,
    version: () => versionInfo({ component: 'broker', version: BROKER_VERSION, commit, startedAt }),
    access: auth.access,
    afterRestore: () => wake.notifier?.forgetAll(),
  });
  const notifier = new Notifier({
    db,
    tenants,
    contexts,
    logger,
    metrics,
    pollMs: config.notifyPoll,
    timeoutMs: config.notifyTimeout,
    maxBackoffMs: config.notifyMaxBackoff,
    leaseMs: config.notifyLease,
    concurrency: config.notifyConcurrency,
  });
  if (config.notifications) {
    notifier.start();
    wake.notifier = notifier;
  } else {
    logger.warn(
      {},
      'Notifications are off (LEGOCITY_BROKER_NOTIFICATIONS=false): none is delivered',
    );
  }
  const retention = startRetentionJob({
    db,
    intervalMs: config.retentionInterval,
    defaultRetentionSeconds: config.historyRetention / 1000,
    logger,
    metrics,
  });
  return {
    app,
    ctx,
    db,
    markShuttingDown: () => health.markShuttingDown(),
    async close() {
      await app.close();
      await auth.close();
      await retention.stop();
      await notifier.close();
      if (!options.db) await db.close();
    },
  };
}

const ENTITY_COUNT_TTL_MS = 30_000;

function registerStorageMetrics(metrics: Metrics, db: Database, tenants: TenantRegistry): void {
  metrics.gauge({
    name: 'db_pool_connections',
    help: 'Database connections of this process, by state.',
    labelNames: ['state'],
    collect: (gauge) => {
      const stats = db.poolStats();
      gauge.set({ state: 'total' }, stats.total);
      gauge.set({ state: 'idle' }, stats.idle);
      gauge.set({ state: 'waiting' }, stats.waiting);
    },
  });
  const countFailures = metrics.counter({
    name: 'entity_count_failures_total',
    help: 'Tenants whose entities could not be counted for the entities gauge.',
  });
  let cached: { at: number; rows: { tenant: string; type: string; n: number }[] } | undefined;
  metrics.gauge({
    name: 'entities',
    help: 'Entities stored, by tenant and entity type (refreshed at most every 30 s).',
    labelNames: ['tenant', 'type'],
    collect: async (gauge) => {
      if (!cached || Date.now() - cached.at > ENTITY_COUNT_TTL_MS) {
        const rows: { tenant: string; type: string; n: number }[] = [];
        for (const tenant of await tenants.list()) {
          // One broken tenant must not hide the counts of the others; the failure is counted.
          try {
            const result = await db.query<{ type: string; n: number }>(
              `select t.type, count(*)::int as n from ${quoteIdentifier(tenant.schema)}.entity e cross join lateral unnest(e.types) as t(type) group by t.type`,
            );
            for (const row of result.rows) {
              rows.push({ tenant: tenant.name || 'default', type: row.type, n: row.n });
            }
          } catch {
            countFailures.inc();
          }
        }
        cached = { at: Date.now(), rows };
      }
      gauge.reset();
      for (const row of cached.rows) gauge.set({ tenant: row.tenant, type: row.type }, row.n);
    },
  });
}
