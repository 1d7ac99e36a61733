import { createHealth, type Logger } from '@legocity/observability';
import { createAlertsMetrics } from './alerts-metrics.js';
import { thresholdsOf, type AlertsConfig } from './config.js';
import { createEvaluator, type Evaluator } from './evaluate/evaluator.js';
import type { BackupStatus } from './host/backup-status.js';
import type { DiskSpace } from './host/disk-space.js';
import type { MemoryAvailable } from './host/memory.js';
import { messages } from './messages.js';
import { ALERT_RULES } from './rules/index.js';
import { JOBS } from './rules/rule.js';
import { startAlertsServer, type AlertsServer } from './server/alerts-server.js';
import { targetOf } from './scrape/targets.js';
import { WebhookSender } from './webhook/webhook-sender.js';

export interface AlertsServiceOptions {
  config: AlertsConfig;
  logger: Logger;
  version: string;
  commit: string;
  /** Wall clock in ms; tests pass a fake one. */
  now?: () => number;
  /** Used for scrapes and webhook POSTs; tests may pass their own. */
  fetch?: typeof fetch;
  /** Waits between webhook retries; tests pass one that returns at once. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  memory?: () => MemoryAvailable;
  disk?: (folders: readonly string[]) => Promise<DiskSpace[]>;
}

export interface AlertsService {
  server: AlertsServer;
  evaluator: Evaluator;
  /** One round: scrape, evaluate, notify. main.ts runs it every interval. */
  tick(nowMs?: number): Promise<void>;
  /** Readiness fails from now on (first shutdown step). */
  markShuttingDown(): void;
  /** Delivers what the webhook still has queued (up to `deadlineMs`), then stops the server. */
  close(deadlineMs: number): Promise<void>;
}

/**
 * The alerts service, wired: metrics, health, the HTTP server, the evaluator over the configured
 * targets, and the webhook sender when a URL is configured. Starts listening; does not start the
 * evaluation loop (main.ts does, tests call `tick`).
 * @example const service = await startAlertsService({ config, logger, version, commit }); await service.tick();
 */
export async function startAlertsService(options: AlertsServiceOptions): Promise<AlertsService> {
  const { config, logger } = options;
  const now = options.now ?? Date.now;
  const startedAt = new Date(now());
  let lastBackup = '';
  const alertsMetrics = createAlertsMetrics({
    folders: [config.dataDir, config.backupDir],
    backupDir: config.backupDir,
    onBackupStatus: (status) => {
      const summary = describeBackup(status);
      if (summary !== lastBackup && status.kind === 'invalid') {
        logger.warn({ backupDir: config.backupDir }, messages.backupStatusInvalid(status.reason));
      }
      lastBackup = summary;
    },
    onCollectError: (metric, error) =>
      logger.warn({ metric, err: error }, messages.collectFailed(metric)),
    ...(options.memory && { memory: options.memory }),
    ...(options.disk && { disk: options.disk }),
  });
  // Created once the server listens (its address labels the service's own samples).
  const created: { evaluator?: Evaluator } = {};
  const health = createHealth({
    component: 'alerts',
    version: options.version,
    commit: options.commit,
    startedAt,
    cacheMs: 0,
    checks: [
      {
        name: 'evaluation',
        critical: true,
        run: () =>
          Promise.resolve(evaluationCheck(created.evaluator?.evaluatedAtMs, now(), config)),
      },
    ],
  });
  const server = await startAlertsServer({
    port: config.port,
    host: config.host,
    view: () => created.evaluator?.view() ?? { evaluatedAt: null, targets: [], alerts: [] },
    health,
    metrics: alertsMetrics.metrics,
    version: { component: 'alerts', version: options.version, commit: options.commit, startedAt },
  });
  const sender =
    config.webhookUrl === undefined
      ? undefined
      : new WebhookSender({
          url: config.webhookUrl,
          logger,
          record: alertsMetrics,
          now,
          ...(options.fetch && { fetch: options.fetch }),
          ...(options.sleep && { sleep: options.sleep }),
        });
  const urls = {
    broker: config.brokerUrl,
    updaters: config.updatersUrl,
    dashboard: config.dashboardUrl,
  };
  const evaluator = createEvaluator({
    targets: config.targets.map((name) => targetOf(name, urls[name])),
    self: {
      job: JOBS.alerts,
      instance: new URL(server.url).host,
      render: async () => (await alertsMetrics.metrics.render()).body,
    },
    rules: ALERT_RULES,
    thresholds: thresholdsOf(config),
    intervalMs: config.interval,
    scrapeTimeoutMs: config.scrapeTimeout,
    metrics: alertsMetrics,
    logger,
    startedAtMs: startedAt.getTime(),
    ...(sender && {
      webhook: { sender, externalUrl: server.url, heartbeatIntervalMs: config.heartbeatInterval },
    }),
    ...(options.fetch && { fetch: options.fetch }),
  });
  created.evaluator = evaluator;
  let closing: Promise<void> | undefined;
  return {
    server,
    evaluator,
    tick: (nowMs = now()) => evaluator.tick(nowMs),
    markShuttingDown: () => health.markShuttingDown(),
    close(deadlineMs) {
      closing ??= (async () => {
        const undelivered = (await sender?.close(deadlineMs)) ?? 0;
        if (undelivered > 0) logger.warn({ undelivered }, messages.undelivered(undelivered));
        await server.close();
      })();
      return closing;
    },
  };
}

function evaluationCheck(
  evaluatedAtMs: number | undefined,
  nowMs: number,
  config: Pick<AlertsConfig, 'interval' | 'scrapeTimeout'>,
): { ok: boolean; detail?: string } {
  if (evaluatedAtMs === undefined) return { ok: false, detail: messages.notEvaluatedYet() };
  const ageMs = nowMs - evaluatedAtMs;
  // Three missed rounds: the loop is stuck, and "no alert" would be a lie.
  const isLate = ageMs > 3 * config.interval + config.scrapeTimeout;
  return isLate ? { ok: false, detail: messages.evaluationLate(ageMs) } : { ok: true };
}

function describeBackup(status: BackupStatus): string {
  return status.kind === 'invalid' ? `invalid:${status.reason}` : status.kind;
}
