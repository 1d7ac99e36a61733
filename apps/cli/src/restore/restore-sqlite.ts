import { existsSync } from 'node:fs';
import { chmod, copyFile, mkdir, rename } from 'node:fs/promises';
import { dirname } from 'node:path';
import { hasContent } from '../backup/cms-collections.js';
import { readSqliteFacts } from '../backup/sqlite-snapshot.js';
import { describeCounts } from './describe-counts.js';

/**
 * Whether a SQLite CMS file may be replaced: yes when it does not exist or holds no document;
 * otherwise only with `force`. Returns the refusal, or undefined.
 * @example const refusal = await checkSqliteTarget('/srv/.legocity/dashboard/payload.db', false);
 */
export async function checkSqliteTarget(file: string, force: boolean): Promise<string | undefined> {
  if (!existsSync(file) || force) return undefined;
  const { counts } = await readSqliteFacts(file);
  return hasContent(counts)
    ? `the CMS database ${file} is not empty (${describeCounts(counts)}): restore will not overwrite it; add --force to replace it (the current file is kept beside it)`
    : undefined;
}

/**
 * Put a SQLite CMS snapshot in place: copied beside the target, then renamed over it, so the
 * dashboard never finds half a file. A replaced database (with its -wal and -shm files) is kept
 * as `<file>.before-restore-<time>`. Returns that name when there was one.
 * @example const kept = await restoreSqlite(extractedSnapshot, '/srv/.legocity/dashboard/payload.db', new Date());
 */
export async function restoreSqlite(
  snapshot: string,
  file: string,
  now: Date,
): Promise<string | undefined> {
  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  const incoming = `${file}.restoring`;
  await copyFile(snapshot, incoming);
  await chmod(incoming, 0o600);
  let kept: string | undefined;
  if (existsSync(file)) {
    kept = `${file}.before-restore-${now
      .toISOString()
      .replace(/[-:]/g, '')
      .replace(/\.\d+Z$/, 'Z')}`;
    await rename(file, kept);
  }
  // A write-ahead log left beside the file belongs to the old database, never to the new one.
  for (const suffix of ['-wal', '-shm', '-journal']) {
    if (!existsSync(`${file}${suffix}`)) continue;
    await rename(`${file}${suffix}`, kept ? `${kept}${suffix}` : `${file}${suffix}.stale`);
  }
  await rename(incoming, file);
  return kept;
}
