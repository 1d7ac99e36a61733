import type { Query } from '../promql/query.js';
import { filter, maxBy, scalarLeft, unless } from '../promql/vector-ops.js';
import type { AlertRule, Thresholds } from './rule.js';

const LAST_BACKUP = 'legocity_alerts_backup_last_success_timestamp_seconds';
const STARTED = 'legocity_alerts_process_start_time_seconds';

/**
 * The newest successful backup (`<backupDir>/last-backup.json`, written by `legocity backup`) is
 * older than the schedule allows (`LEGOCITY_ALERTS_BACKUP_MAX_AGE`, default 26 h: a daily backup
 * plus two hours of slack).
 */
export const backupTooOld: AlertRule = {
  name: 'LegoCityBackupTooOld',
  severity: 'warning',
  for: '5m',
  summary: 'The last backup is too old',
  description:
    'The newest successful backup finished {{ $value | humanizeDuration }} ago, longer than its ' +
    'schedule allows: a failure now would lose more data than planned.',
  runbook: 'backup-too-old',
  expr: (t) => `time() - max by (job, instance) (${LAST_BACKUP}) > ${t.backupMaxAgeSeconds}`,
  evaluate: (query: Query, t: Thresholds) =>
    filter(
      scalarLeft(query.time(), '-', maxBy(['job', 'instance'], query.vector(LAST_BACKUP))),
      '>',
      t.backupMaxAgeSeconds,
    ),
};

/**
 * No successful backup recorded at all, once the alerts service has run for longer than the
 * schedule (a new installation gets one schedule's time to make its first backup).
 */
export const backupMissing: AlertRule = {
  name: 'LegoCityBackupMissing',
  severity: 'warning',
  for: '5m',
  summary: 'No backup has ever been made',
  description:
    'No backup has ever been made: the backup folder has no successful backup recorded, and the ' +
    'alerts service has been running for {{ $value | humanizeDuration }}.',
  runbook: 'backup-missing',
  expr: (t) =>
    [
      `time() - max by (job, instance) (${STARTED}) > ${t.backupMaxAgeSeconds}`,
      `unless on (job, instance) ${LAST_BACKUP}`,
    ].join('\n'),
  evaluate(query: Query, t: Thresholds) {
    const started = maxBy(['job', 'instance'], query.vector(STARTED));
    const running = filter(scalarLeft(query.time(), '-', started), '>', t.backupMaxAgeSeconds);
    return unless(running, query.vector(LAST_BACKUP), ['job', 'instance']);
  },
};
