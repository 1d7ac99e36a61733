import { copyFile, mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BASEMAP_ASSET_FILES } from './asset-files.js';

/**
 * Absolute path of the committed assets folder (GeoJSON, fonts, licence notices). Resolved from
 * this module's own location, so it is the same from `src/` (tests) and `dist/` (built package).
 * Call it from Node code that is not bundled (scripts, servers); a bundler moves this file away
 * from the folder.
 *
 * @example basemapAssetsDir() // '/…/node_modules/@legocity/basemap/assets'
 */
export function basemapAssetsDir(): string {
  return fileURLToPath(new URL('../assets/', import.meta.url));
}

/**
 * Copies the basemap's files (GeoJSON, fonts, licence notices) into a folder a web server
 * serves, keeping their layout, so that `offlineStyle({ assetsBaseUrl })` finds them there.
 *
 * @param targetDir - destination folder, created if missing; files already there are replaced
 * @returns the paths copied, relative to targetDir
 * @example
 * // apps/dashboard/scripts/copy-static.ts, before `next build`
 * await copyBasemapAssets('public/basemap'); // then offlineStyle({ assetsBaseUrl: '/basemap' })
 */
export async function copyBasemapAssets(targetDir: string): Promise<string[]> {
  const source = basemapAssetsDir();
  for (const path of BASEMAP_ASSET_FILES) {
    const target = join(targetDir, path);
    await mkdir(dirname(target), { recursive: true });
    await copyFile(join(source, path), target);
  }
  return [...BASEMAP_ASSET_FILES];
}
