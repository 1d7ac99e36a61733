import { resolve } from 'node:path';
import { totalEntities } from '../backup/build-manifest.js';
import { formatBytes, progressLines } from '../backup/progress.js';
import { runBackup } from '../backup/run-backup.js';
import { folderStore, s3Store } from '../backup/backup-store.js';
import { s3FromConfig } from '../backup/s3/s3-from-config.js';
import { parseS3Url } from '../backup/s3/s3-location.js';
import { EXIT, loadCliConfig, type Output } from './context.js';

export interface BackupFlags {
  to?: string;
  keepDaily?: string;
  keepWeekly?: string;
}

/**
 * `legocity backup [--to <folder>|s3://bucket/prefix] [--keep-daily N] [--keep-weekly N]`: one
 * archive of the broker and the CMS, then retention in that folder or prefix. Progress on
 * stderr; the archive's path and contents on stdout.
 */
export async function backupCommand(flags: BackupFlags, output: Output): Promise<number> {
  const config = loadCliConfig(output);
  if (!config) return EXIT.usage;
  const keepDaily = count(flags.keepDaily, '--keep-daily', config.backupKeepDaily);
  const keepWeekly = count(flags.keepWeekly, '--keep-weekly', config.backupKeepWeekly);
  const problems = [keepDaily, keepWeekly].filter((n): n is string => typeof n === 'string');
  if (problems.length > 0) {
    output.err(`legocity backup: ${problems.join('; ')}\n`);
    return EXIT.usage;
  }
  try {
    const s3 = parseS3Url(flags.to ?? '');
    const store = s3
      ? s3Store(s3FromConfig(config, s3), s3, config.backupDir)
      : folderStore(resolve(flags.to ?? config.backupDir));
    const result = await runBackup({
      config,
      store,
      keepDaily: keepDaily as number,
      keepWeekly: keepWeekly as number,
      progress: progressLines('legocity backup', output.err),
      env: output.env,
    });
    const { manifest } = result;
    output.out(
      [
        `Backup ${result.path}`,
        `  size      ${formatBytes(result.bytes)}, made in ${(result.durationMs / 1000).toFixed(1)} s`,
        `  broker    ${totalEntities(manifest.broker.summary)} entities in ${Object.keys(manifest.broker.summary.entities).length} tenant(s), ${manifest.broker.summary.tables.length} tables (broker ${manifest.broker.brokerVersion}, ${manifest.broker.driver})`,
        `  CMS       ${manifest.cms.driver}: ${Object.entries(manifest.cms.counts)
          .map(([slug, n]) => `${n} ${slug}`)
          .join(', ')}`,
        `  secrets   ${manifest.secrets.join(', ') || 'none'} — the archive holds secrets: store it like one`,
        `  retention kept the newest of ${keepDaily} days and ${keepWeekly} weeks; deleted ${result.removed.length}${result.removed.length > 0 ? `: ${result.removed.join(', ')}` : ''}`,
        '',
      ].join('\n'),
    );
    return EXIT.ok;
  } catch (error) {
    output.err(`legocity backup failed: ${(error as Error).message}\n`);
    return EXIT.problem;
  }
}

/** A whole number of archives from a flag, the configured default, or a problem. */
function count(flag: string | undefined, name: string, fallback: number): number | string {
  if (flag === undefined) return fallback;
  return /^\d{1,4}$/.test(flag.trim())
    ? Number(flag)
    : `${name} must be a whole number (0–9999), got '${flag}'`;
}
