#!/usr/bin/env node
/**
 * Copies the browser's static map files into public/ before `next dev` and `next build`:
 * - MapLibre's worker to public/maplibre/ (the bundle cannot load it from node_modules; the map
 *   calls `maplibregl.setWorkerUrl('/maplibre/maplibre-gl-worker.mjs')`),
 * - the offline basemap (GeoJSON, fonts, licences) to public/basemap/ through
 *   `copyBasemapAssets` of @legocity/basemap.
 * Both folders are generated and ignored by git.
 */
import { copyFile, mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const appDir = fileURLToPath(new URL('..', import.meta.url));
const publicDir = join(appDir, 'public');
const require = createRequire(import.meta.url);

async function copyMaplibreWorker() {
  const source = require.resolve('maplibre-gl/dist/maplibre-gl-worker.mjs');
  const target = join(publicDir, 'maplibre', 'maplibre-gl-worker.mjs');
  await mkdir(dirname(target), { recursive: true });
  await copyFile(source, target);
  return [relative(appDir, target)];
}

async function copyBasemap() {
  let basemap;
  try {
    basemap = await import('@legocity/basemap');
  } catch (error) {
    throw new Error(
      `Cannot load @legocity/basemap (${error instanceof Error ? error.message : String(error)}): ` +
        'build the workspace packages first with `npm run build` at the repository root',
    );
  }
  const target = join(publicDir, 'basemap');
  const files = await basemap.copyBasemapAssets(target);
  return files.map((file) => relative(appDir, join(target, file)));
}

try {
  const copied = [...(await copyMaplibreWorker()), ...(await copyBasemap())];
  console.log(`copy-public-assets: ${copied.length} files copied into public/`);
} catch (error) {
  console.error(`copy-public-assets: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
