import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { buildBasemapAssets } from './build-basemap-assets.js';

/**
 * Regenerates the assets folder (or any folder) from the installed world-atlas and
 * @fontsource/noto-sans packages. Run by `npm run assets -w @legocity/basemap`; commit the result.
 *
 * @param targetDir - folder to write into (created if missing; existing files are overwritten)
 * @returns the paths written, relative to targetDir
 * @example await writeBasemapAssets(basemapAssetsDir())
 */
export async function writeBasemapAssets(targetDir: string): Promise<string[]> {
  const files = await buildBasemapAssets();
  for (const [path, content] of files) {
    const target = join(targetDir, path);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, content);
  }
  return [...files.keys()];
}
