import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { x as extract } from 'tar';
import { checksumFile } from '../backup/checksum.js';
import { MANIFEST_FILE, isSafeArchivePath, type Manifest } from '../backup/manifest.js';
import { parseManifest } from '../backup/parse-manifest.js';

/** A backup archive that passed every check, extracted into `folder`. */
export interface OpenedArchive {
  manifest: Manifest;
  /** Where its files are: `<folder>/<path of the manifest entry>`. */
  folder: string;
}

/** Why an archive was refused; the message names the archive, the file and what is wrong. */
export class ArchiveError extends Error {
  override name = 'ArchiveError';
}

/**
 * Check a backup archive completely before anything is restored from it: the gzip stream and the
 * tar inside are readable to the end, it holds a valid manifest.json, every file the manifest
 * lists is there with its exact size and SHA-256, and nothing else is. Extracts it into `folder`
 * (an empty private folder) on the way; throws ArchiveError otherwise.
 * @example const { manifest, folder } = await openArchive('legocity-backup-20261207T101500Z.tar.gz', scratch);
 */
export async function openArchive(archive: string, folder: string): Promise<OpenedArchive> {
  const name = basename(archive);
  const refuse = (what: string) => new ArchiveError(`archive ${name} ${what}`);
  const stats = await stat(archive).catch(() => undefined);
  if (!stats?.isFile()) throw refuse('does not exist (or is not a file)');
  const entries: string[] = [];
  const unexpected: string[] = [];
  try {
    await pipeline(
      createReadStream(archive),
      createGunzip(),
      extract({
        cwd: folder,
        strict: true,
        preserveOwner: false,
        filter: (path, entry) => {
          const type = 'type' in entry ? entry.type : 'File';
          if (type === 'Directory') return false;
          if (type !== 'File' || !isSafeArchivePath(path) || entries.includes(path)) {
            unexpected.push(`${path} (${type})`);
            return false;
          }
          entries.push(path);
          return true;
        },
      }),
    );
  } catch (error) {
    throw refuse(
      `is damaged: ${describeReadError(error as NodeJS.ErrnoException)}; nothing was restored`,
    );
  }
  if (unexpected.length > 0)
    throw refuse(`holds entries a LegoCity backup never has: ${unexpected.join(', ')}`);
  if (!entries.includes(MANIFEST_FILE))
    throw refuse(`has no ${MANIFEST_FILE}: it is not a LegoCity backup, or it is damaged`);
  const parsed = parseManifest(await readFile(join(folder, MANIFEST_FILE), 'utf8'));
  if (!parsed.ok) throw refuse(`has an invalid ${MANIFEST_FILE}: ${parsed.problems.join('; ')}`);
  const listed = new Set(parsed.value.files.map((file) => file.path));
  const extra = entries.filter((path) => path !== MANIFEST_FILE && !listed.has(path));
  if (extra.length > 0) throw refuse(`holds ${extra.join(', ')}, which its manifest does not list`);
  for (const file of parsed.value.files) {
    if (!entries.includes(file.path))
      throw refuse(`is missing ${file.path}, which its manifest lists (${file.bytes} bytes)`);
    const actual = await checksumFile(join(folder, file.path));
    if (actual.bytes !== file.bytes)
      throw refuse(
        `is damaged: ${file.path} has ${actual.bytes} bytes but the manifest says ${file.bytes}`,
      );
    if (actual.sha256 !== file.sha256)
      throw refuse(
        `is damaged: the SHA-256 of ${file.path} is ${actual.sha256.slice(0, 16)}… but the manifest says ${file.sha256.slice(0, 16)}…`,
      );
  }
  return { manifest: parsed.value, folder };
}

function describeReadError(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'Z_BUF_ERROR':
      return 'it is truncated (the compressed data ends early: an interrupted copy or a full disk?)';
    case 'Z_DATA_ERROR':
      return error.message === 'incorrect header check'
        ? 'it is not gzip-compressed (a LegoCity backup is a .tar.gz)'
        : `its compressed data is corrupt (${error.message})`;
    default:
      return error.code?.startsWith('TAR_')
        ? `the tar inside is corrupt (${error.message})`
        : error.message;
  }
}
