import { link, rm, stat, unlink } from 'node:fs/promises';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { create } from 'tar';
import { PARTIAL_PREFIX } from './archive-name.js';

/**
 * Pack staged files into `<folder>/<name>` (gzip-compressed tar, mode 0600), in the order given
 * (the manifest first, so a reader meets it before the files it describes). The archive is
 * written under a hidden temporary name and only then linked to its real name, so a crash never
 * leaves a half archive that looks valid, and an existing archive is never overwritten.
 * @example const bytes = await writeArchive({ stage, files: ['manifest.json', …], folder, name });
 */
export async function writeArchive(options: {
  stage: string;
  files: readonly string[];
  folder: string;
  name: string;
}): Promise<{ path: string; bytes: number }> {
  const partial = join(
    options.folder,
    `${PARTIAL_PREFIX}${options.name.slice('legocity-backup-'.length)}.partial`,
  );
  const path = join(options.folder, options.name);
  try {
    await pipeline(
      create({ gzip: true, cwd: options.stage, portable: true }, [...options.files]),
      createWriteStream(partial, { mode: 0o600, flush: true }),
    );
    await link(partial, path).catch((error: NodeJS.ErrnoException) => {
      throw error.code === 'EEXIST'
        ? new Error(
            `${path} already exists (two backups in the same second?); nothing was overwritten`,
          )
        : error;
    });
  } finally {
    await unlink(partial).catch(() => undefined);
  }
  return { path, bytes: (await stat(path)).size };
}

/** Remove temporary archives a crashed run left behind (older than a day, so never a running one's). */
export async function removeStalePartials(
  folder: string,
  names: readonly string[],
  now: Date,
): Promise<void> {
  for (const name of names) {
    if (!name.startsWith(PARTIAL_PREFIX)) continue;
    const file = join(folder, name);
    const stats = await stat(file).catch(() => undefined);
    if (stats && now.getTime() - stats.mtimeMs > 86_400_000)
      await rm(file, { recursive: true, force: true });
  }
}
