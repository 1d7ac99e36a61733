import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The file `legocity backup` writes after each successful backup. */
export const BACKUP_STATUS_FILE = 'last-backup.json';

export type BackupStatus =
  | { kind: 'none' }
  | { kind: 'ok'; finishedAtMs: number; archive: string }
  | { kind: 'invalid'; reason: string };

/**
 * Reads `<backupDir>/last-backup.json` = `{ "finishedAt": ISO-8601, "archive": "<file>", "ok": true }`.
 * No file is "no backup yet"; a file that is not that shape is `invalid` with the reason (and
 * counts as no successful backup).
 * @example await readBackupStatus('.legocity/backups') // { kind: 'ok', finishedAtMs: …, archive: '…' }
 */
export async function readBackupStatus(backupDir: string): Promise<BackupStatus> {
  let text: string;
  try {
    text = await readFile(join(backupDir, BACKUP_STATUS_FILE), 'utf8');
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    return code === 'ENOENT'
      ? { kind: 'none' }
      : { kind: 'invalid', reason: `cannot be read (${String(code)})` };
  }
  return parseBackupStatus(text);
}

/**
 * The status in a last-backup.json text.
 * @example parseBackupStatus('{"finishedAt":"2026-11-23T02:00:00Z","archive":"a.tar.gz","ok":true}')
 */
export function parseBackupStatus(text: string): BackupStatus {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { kind: 'invalid', reason: 'is not JSON' };
  }
  if (typeof value !== 'object' || value === null) {
    return { kind: 'invalid', reason: 'is not a JSON object' };
  }
  const { finishedAt, archive, ok } = value as Record<string, unknown>;
  if (ok !== true) return { kind: 'invalid', reason: "'ok' is not true" };
  const finishedAtMs = typeof finishedAt === 'string' ? Date.parse(finishedAt) : Number.NaN;
  if (Number.isNaN(finishedAtMs)) {
    return { kind: 'invalid', reason: "'finishedAt' is not an ISO-8601 time" };
  }
  if (typeof archive !== 'string' || archive === '') {
    return { kind: 'invalid', reason: "'archive' is not a file name" };
  }
  return { kind: 'ok', finishedAtMs, archive };
}
