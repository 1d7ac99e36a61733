import { createMetrics, type Metrics } from '@legocity/observability';
import type { ActiveAlert } from './evaluate/alert-state.js';
import { readBackupStatus, type BackupStatus } from './host/backup-status.js';
import { diskSpace, type DiskSpace } from './host/disk-space.js';
import { memoryAvailable, type MemoryAvailable } from './host/memory.js';
import type { AlertRule } from './rules/rule.js';

export type MessageKind = 'firing' | 'resolved' | 'heartbeat';

export interface AlertsMetricsOptions {
  /** Folders whose disks are watched (data folder, backup folder). */
  folders: readonly string[];
  backupDir: string;
  /** Told the backup status at every read (the service logs changes). */
  onBackupStatus?: (status: BackupStatus) => void;
  memory?: () => MemoryAvailable;
  disk?: (folders: readonly string[]) => Promise<DiskSpace[]>;
  onCollectError?: (metric: string, error: unknown) => void;
}

export interface AlertsMetrics {
  readonly metrics: Metrics;
  /** Firing and pending alerts per rule, after an evaluation (0 for quiet rules). */
  setAlerts(rules: readonly AlertRule[], active: readonly ActiveAlert[]): void;
  scraped(target: string, isUp: boolean): void;
  /** A round ended: its time, the rules that failed, how long scraping and evaluating took. */
  evaluated(timeMs: number, failedRules: readonly string[], durationSeconds: number): void;
  delivered(kind: MessageKind, timeMs: number): void;
  failed(kind: MessageKind): void;
  dropped(kind: MessageKind): void;
  /** Where the history and webhook-queue gauges read from. */
  observe(read: { history: () => { series: number; samples: number }; queue: () => number }): void;
}

/**
 * The alerts service's metrics (`legocity_alerts_*`). Disk, memory and the last backup are
 * measured at each scrape — by Prometheus, or by the service itself, which reads its own
 * /metrics text like any target — so both evaluate the same numbers.
 * @example const alertsMetrics = createAlertsMetrics({ folders: ['.legocity'], backupDir: '.legocity/backups' });
 */
export function createAlertsMetrics(options: AlertsMetricsOptions): AlertsMetrics {
  const metrics = createMetrics({
    prefix: 'legocity_alerts',
    ...(options.onCollectError && { onCollectError: options.onCollectError }),
  });
  let read = { history: () => ({ series: 0, samples: 0 }), queue: () => 0 };
  const firing = metrics.gauge({
    name: 'firing',
    help: 'Firing alerts, by alert name and severity (heartbeat excluded).',
    labelNames: ['alertname', 'severity'],
  });
  const pending = metrics.gauge({
    name: 'pending',
    help: 'Alerts whose condition holds but not yet for their `for` duration.',
    labelNames: ['alertname', 'severity'],
  });
  const targetUp = metrics.gauge({
    name: 'target_up',
    help: 'Whether the last scrape of a component answered (1) or not (0).',
    labelNames: ['target'],
  });
  const scrapeFailures = metrics.counter({
    name: 'scrape_failures_total',
    help: 'Scrapes of a component that failed (no answer, not 200, or unreadable text).',
    labelNames: ['target'],
  });
  const evaluations = metrics.counter({
    name: 'evaluations_total',
    help: 'Evaluations of all rules.',
  });
  const ruleFailures = metrics.counter({
    name: 'rule_evaluation_failures_total',
    help: 'Rule evaluations that failed (the alert keeps its state), by alert name.',
    labelNames: ['alertname'],
  });
  const roundDuration = metrics.histogram({
    name: 'round_duration_seconds',
    help: 'Time one round takes: scraping every target, then evaluating every rule.',
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  });
  const lastEvaluation = metrics.gauge({
    name: 'last_evaluation_timestamp_seconds',
    help: 'Unix time of the last evaluation of the rules.',
  });
  const deliveries = metrics.counter({
    name: 'webhook_deliveries_total',
    help: 'Webhook messages delivered (2xx), by kind: firing, resolved, heartbeat.',
    labelNames: ['kind'],
  });
  const failures = metrics.counter({
    name: 'webhook_failures_total',
    help: 'Webhook delivery attempts that failed (retried with backoff), by kind.',
    labelNames: ['kind'],
  });
  const drops = metrics.counter({
    name: 'webhook_dropped_total',
    help: 'Webhook messages given up (refused with a 4xx, or the queue was full), by kind.',
    labelNames: ['kind'],
  });
  const lastHeartbeat = metrics.gauge({
    name: 'heartbeat_last_success_timestamp_seconds',
    help: 'Unix time the last heartbeat was delivered to the webhook.',
  });
  metrics.gauge({
    name: 'webhook_queue_length',
    help: 'Webhook messages waiting to be delivered.',
    collect: (gauge) => gauge.set(read.queue()),
  });
  metrics.gauge({
    name: 'history_samples',
    help: 'Samples kept in memory for rule evaluation.',
    collect: (gauge) => gauge.set(read.history().samples),
  });
  registerHostGauges(metrics, options);

  return {
    metrics,
    setAlerts(rules, active) {
      for (const rule of rules) {
        const labels = { alertname: rule.name, severity: rule.severity };
        const mine = active.filter((alert) => alert.name === rule.name);
        firing.set(labels, mine.filter((alert) => alert.state === 'firing').length);
        pending.set(labels, mine.filter((alert) => alert.state === 'pending').length);
      }
    },
    scraped(target, isUp) {
      targetUp.set({ target }, isUp ? 1 : 0);
      if (!isUp) scrapeFailures.inc({ target });
    },
    evaluated(timeMs, failedRules, durationSeconds) {
      evaluations.inc();
      roundDuration.observe(durationSeconds);
      lastEvaluation.set(timeMs / 1000);
      for (const alertname of failedRules) ruleFailures.inc({ alertname });
    },
    delivered(kind, timeMs) {
      deliveries.inc({ kind });
      if (kind === 'heartbeat') lastHeartbeat.set(timeMs / 1000);
    },
    failed: (kind) => failures.inc({ kind }),
    dropped: (kind) => drops.inc({ kind }),
    observe(next) {
      read = next;
    },
  };
}

function registerHostGauges(metrics: Metrics, options: AlertsMetricsOptions): void {
  const readMemory = options.memory ?? (() => memoryAvailable());
  const readDisks = options.disk ?? diskSpace;
  metrics.gauge({
    name: 'disk_available_ratio',
    help: 'Free share (0–1) of the disk holding each watched folder (one series per disk).',
    labelNames: ['folder'],
    collect: async (gauge) => {
      gauge.reset();
      for (const disk of await readDisks(options.folders)) {
        gauge.set({ folder: disk.folder }, disk.availableRatio);
      }
    },
  });
  metrics.gauge({
    name: 'disk_available_bytes',
    help: 'Free bytes of the disk holding each watched folder.',
    labelNames: ['folder'],
    collect: async (gauge) => {
      gauge.reset();
      for (const disk of await readDisks(options.folders)) {
        gauge.set({ folder: disk.folder }, disk.availableBytes);
      }
    },
  });
  metrics.gauge({
    name: 'memory_available_ratio',
    help: 'Available share (0–1) of the memory of the machine (MemAvailable / MemTotal).',
    collect: (gauge) => gauge.set(readMemory().availableRatio),
  });
  metrics.gauge({
    name: 'memory_available_bytes',
    help: 'Available memory of the machine in bytes.',
    collect: (gauge) => gauge.set(readMemory().availableBytes),
  });
  metrics.gauge({
    name: 'backup_last_success_timestamp_seconds',
    help: 'Unix time the newest successful backup in a backup folder finished (its last-backup.json); absent before the first.',
    // A label, because prom-client shows an unlabelled gauge as 0 after a reset, and 0 would
    // read as "a backup in 1970" rather than "no backup yet".
    labelNames: ['folder'],
    collect: async (gauge) => {
      gauge.reset();
      const status = await readBackupStatus(options.backupDir);
      options.onBackupStatus?.(status);
      if (status.kind === 'ok')
        gauge.set({ folder: options.backupDir }, status.finishedAtMs / 1000);
    },
  });
}
