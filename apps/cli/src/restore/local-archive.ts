import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import type { CliConfig } from '../config.js';
import { s3FromConfig } from '../backup/s3/s3-from-config.js';
import { parseS3Object } from '../backup/s3/s3-location.js';
import type { Progress } from '../backup/progress.js';
import { removeFolder } from '../backup/remove-folder.js';

/**
 * The archive as a local file: a path as given, or an `s3://bucket/key` downloaded into a private
 * temporary folder (under its own name, so messages name it) that `done()` removes.
 * @example const local = await localArchive('s3://backups/city/legocity-backup-….tar.gz', config, progress); … await local.done();
 */
export async function localArchive(
  archive: string,
  config: CliConfig,
  progress: Progress,
): Promise<{ path: string; done: () => Promise<void> }> {
  if (!archive.startsWith('s3://'))
    return { path: resolve(archive), done: () => Promise.resolve() };
  const object = parseS3Object(archive);
  if (!object)
    throw new Error(`${archive} names no archive: give s3://<bucket>/<key of the .tar.gz>`);
  const folder = await mkdtemp(join(tmpdir(), 'legocity-download-'));
  const path = join(folder, basename(object.key));
  const done = () => removeFolder(folder, progress);
  try {
    progress.stage(`downloading ${archive}…`);
    await s3FromConfig(config, { bucket: object.bucket, prefix: '' }).get(object.key, path);
    return { path, done };
  } catch (error) {
    await done();
    throw error;
  }
}
