import { formatAge } from '../../platform/format-table.js';
import { ok, problem, type Check } from '../finding.js';

const CHECK = 'backups-overdue';

/** The last successful backup is younger than its schedule allows. */
export const backupsOverdue: Check = ({ lastBackup, now, limits }) => {
  if ('error' in lastBackup)
    return [
      problem(
        CHECK,
        'fail',
        `The backup status cannot be read: ${lastBackup.error}`,
        'Fix or remove last-backup.json in the backup folder, then run `legocity backup`.',
      ),
    ];
  if ('missing' in lastBackup)
    return [
      problem(
        CHECK,
        'warn',
        'No backup has been made yet',
        'Run `legocity backup`, and schedule it daily (docs/runbooks/backup-restore.md).',
      ),
    ];
  const age = now.getTime() - Date.parse(lastBackup.finishedAt);
  return age > limits.backupMaxAgeMs
    ? [
        problem(
          CHECK,
          'fail',
          `The last backup (${lastBackup.archive}) is ${formatAge(age)} old, more than its schedule allows (${formatAge(limits.backupMaxAgeMs)})`,
          'Run `legocity backup` now, then find why the scheduled one did not run (cron/timer log, disk space, admin key).',
        ),
      ]
    : [ok(CHECK, `Last backup ${lastBackup.archive}, ${formatAge(age)} ago`)];
};
