import type { Logger, Metrics } from '@legocity/observability';
import type { Database } from '../../storage/database.js';
import { applyHistoryRetention, type RetentionResult } from './apply-history-retention.js';

export interface RetentionJob {
  /** One pass now (the timer calls this too); passes never overlap. */
  runOnce(): Promise<RetentionResult[]>;
  /** Stop the timer and wait for a pass in progress. */
  stop(): Promise<void>;
}

/**
 * The background job that applies history retention every `intervalMs` in this broker process.
 * The timer is unref'd (it never keeps the process alive); a failing pass is logged and counted,
 * and the next one tries again.
 * @example const job = startRetentionJob({ db, intervalMs: 600_000, defaultRetentionSeconds, logger, metrics }); … await job.stop();
 */
export function startRetentionJob(options: {
  db: Database;
  intervalMs: number;
  defaultRetentionSeconds: number;
  logger: Logger;
  metrics: Metrics;
  now?: () => Date;
}): RetentionJob {
  const { logger } = options;
  const deletedRows = options.metrics.counter({
    name: 'history_rows_deleted_total',
    help: 'Change-log (temporal history) rows deleted by retention.',
  });
  const failures = options.metrics.counter({
    name: 'history_retention_failures_total',
    help: 'Retention passes that failed.',
  });
  let running: Promise<RetentionResult[]> | undefined;
  let isStopped = false;

  const pass = async (): Promise<RetentionResult[]> => {
    const started = Date.now();
    const results = await applyHistoryRetention(options.db, {
      defaultRetentionSeconds: options.defaultRetentionSeconds,
      now: options.now?.() ?? new Date(),
    });
    let total = 0;
    for (const result of results) {
      total += result.deleted;
      if (result.deleted > 0) {
        logger.info(
          { component: 'retention', tenant: result.tenant || 'default', deleted: result.deleted },
          'History rows deleted by retention',
        );
      }
    }
    deletedRows.inc(total);
    logger.info(
      { component: 'retention', deleted: total, tenants: results.length, ms: Date.now() - started },
      'History retention pass done',
    );
    return results;
  };

  const runOnce = (): Promise<RetentionResult[]> => {
    running ??= pass().finally(() => {
      running = undefined;
    });
    return running;
  };

  const timer = setInterval(() => {
    if (isStopped || running) return;
    runOnce().catch((err: unknown) => {
      failures.inc();
      logger.error({ component: 'retention', err }, 'History retention pass failed');
    });
  }, options.intervalMs);
  timer.unref();

  return {
    runOnce,
    async stop() {
      isStopped = true;
      clearInterval(timer);
      await running?.catch(() => undefined);
    },
  };
}
