import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** What `doctor` reads: `last-backup.json` (each backup) and `last-verify.json` (each drill). */
export interface StatusRecord {
  finishedAt: string;
  archive: string;
  ok: true;
  /** The folder or s3:// URL the archive is in. */
  location?: string;
  bytes?: number;
  durationMs?: number;
}

/**
 * Write a status file into the backup folder atomically (a reader never sees half of it).
 * @example await writeStatusFile(config.backupDir, 'last-backup.json', { finishedAt, archive, ok: true });
 */
export async function writeStatusFile(
  backupDir: string,
  file: 'last-backup.json' | 'last-verify.json',
  record: StatusRecord,
): Promise<void> {
  await mkdir(backupDir, { recursive: true, mode: 0o700 });
  const path = join(backupDir, file);
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(record, null, 2)}\n`);
  await rename(temporary, path);
}
