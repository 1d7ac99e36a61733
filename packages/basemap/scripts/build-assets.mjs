// Regenerates packages/basemap/assets from world-atlas and @fontsource/noto-sans.
// Usage: npm run assets -w @legocity/basemap   (builds dist first, then runs this file)
// Commit the result: a test fails while the committed assets differ from what this produces.
import { stat } from 'node:fs/promises';
import { basemapAssetsDir, writeBasemapAssets } from '../dist/index.js';

const dir = basemapAssetsDir();
for (const path of await writeBasemapAssets(dir)) {
  const { size } = await stat(`${dir}/${path}`);
  process.stdout.write(`${path.padEnd(48)} ${(size / 1024).toFixed(1).padStart(8)} KiB\n`);
}
