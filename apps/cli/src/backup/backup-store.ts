import { mkdir, mkdtemp, readdir, rm, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { S3Client } from './s3/s3-client.js';
import { formatS3Url, type S3Location } from './s3/s3-location.js';

/** Where archives are kept: a folder, or a prefix of an S3 bucket. */
export interface BackupStore {
  /** The folder or s3:// URL, for messages and last-backup.json. */
  location: string;
  /** A local folder the archive is written to before `keep` (the folder itself, for a folder). */
  workFolder(): Promise<string>;
  /** Where an archive of this name is kept (a path, or an s3:// URL). */
  pathOf(name: string): string;
  /** Keep the archive written in the work folder (upload it, for S3). */
  keep(name: string): Promise<void>;
  /** Names of the files in the store (archives and anything else). */
  list(): Promise<string[]>;
  remove(name: string): Promise<void>;
  /** Remove what the store made locally (S3: the work folder). */
  close(): Promise<void>;
}

/** Archives in a local folder (made 0700 when created). */
export function folderStore(folder: string): BackupStore {
  return {
    location: folder,
    workFolder: async () => {
      await mkdir(folder, { recursive: true, mode: 0o700 });
      return folder;
    },
    pathOf: (name) => join(folder, name),
    keep: () => Promise.resolve(),
    list: () => readdir(folder),
    remove: (name) => unlink(join(folder, name)),
    close: () => Promise.resolve(),
  };
}

/**
 * Archives under an S3 prefix; each is first written to a private folder under `localFolder`,
 * uploaded, then removed locally.
 */
export function s3Store(client: S3Client, location: S3Location, localFolder: string): BackupStore {
  let work: string | undefined;
  return {
    location: formatS3Url(location),
    pathOf: (name) => formatS3Url(location, name),
    async workFolder() {
      await mkdir(localFolder, { recursive: true, mode: 0o700 });
      work ??= await mkdtemp(join(localFolder, '.legocity-backup-upload-'));
      return work;
    },
    async keep(name) {
      await client.put(`${location.prefix}${name}`, join(await this.workFolder(), name));
      await unlink(join(await this.workFolder(), name));
    },
    async list() {
      const keys = await client.list(location.prefix);
      return keys
        .map((key) => key.slice(location.prefix.length))
        .filter((name) => !name.includes('/'));
    },
    remove: (name) => client.remove(`${location.prefix}${name}`),
    async close() {
      if (work) await rm(work, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
    },
  };
}
