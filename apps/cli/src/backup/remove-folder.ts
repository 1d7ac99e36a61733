import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import type { Progress } from './progress.js';

/**
 * Remove a temporary folder and everything in it, retrying while files are still being written
 * (an extraction cut short by a damaged archive may finish a write after its error, and even
 * recreate a folder). Never throws, so it cannot hide the error that ended the operation; a
 * folder left behind is named.
 * @example try { … } finally { await removeFolder(scratch, progress); }
 */
export async function removeFolder(folder: string, progress: Progress): Promise<void> {
  try {
    for (let attempt = 0; attempt < 5; attempt += 1) {
      await rm(folder, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
      await new Promise((resolve) => setTimeout(resolve, 100 * (attempt + 1)));
      if (!existsSync(folder)) return;
    }
    throw Object.assign(new Error('still there'), { code: 'EEXIST' });
  } catch (error) {
    progress.stage(
      `warning: could not remove ${folder} (${(error as NodeJS.ErrnoException).code ?? 'error'}): remove it by hand — it may hold secrets`,
    );
  }
}
