import { stat, statfs } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';

export interface DiskSpace {
  /** The folder as configured (the gauge's `folder` label). */
  folder: string;
  availableBytes: number;
  totalBytes: number;
  /** Free share for unprivileged users (what `df` shows as available), 0–1. */
  availableRatio: number;
}

/**
 * Free space of the disk holding each folder, one entry per disk: a folder on the same disk as
 * an earlier one is skipped, so one full disk is one alert. A folder that does not exist yet is
 * measured at its nearest existing parent (the data folder is created on first start).
 * @example await diskSpace(['.legocity', '.legocity/backups']) // one entry when both share a disk
 */
export async function diskSpace(folders: readonly string[]): Promise<DiskSpace[]> {
  const seen = new Set<number>();
  const result: DiskSpace[] = [];
  for (const folder of folders) {
    const existing = await nearestExisting(resolve(folder));
    const { dev } = await stat(existing);
    if (seen.has(dev)) continue;
    seen.add(dev);
    const stats = await statfs(existing);
    const totalBytes = stats.blocks * stats.bsize;
    const availableBytes = stats.bavail * stats.bsize;
    result.push({
      folder,
      availableBytes,
      totalBytes,
      availableRatio: totalBytes > 0 ? availableBytes / totalBytes : 1,
    });
  }
  return result;
}

async function nearestExisting(folder: string): Promise<string> {
  let current = folder;
  for (;;) {
    try {
      await stat(current);
      return current;
    } catch {
      const parent = dirname(current);
      if (parent === current) return current;
      current = parent;
    }
  }
}
