import { open, rename } from 'node:fs/promises';

/**
 * Replace a file so that a reader (or a restart after a crash) sees the old content or the new,
 * never half of each: write a temporary file beside it, fsync it, rename it over the old one.
 * @example await writeFileAtomic('/data/weather/dedupe.json', JSON.stringify(state));
 */
export async function writeFileAtomic(path: string, content: string): Promise<void> {
  const temporary = `${path}.tmp`;
  const handle = await open(temporary, 'w');
  try {
    await handle.writeFile(content);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temporary, path);
}
