import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Position } from './antimeridian.js';
import { BASEMAP_ASSET_FILES, BASEMAP_FONT_FILES } from './asset-files.js';
import { basemapAssetsDir } from './assets.js';
import { buildBasemapAssets } from './build-basemap-assets.js';

let files: Map<string, Uint8Array>;
beforeAll(async () => {
  files = await buildBasemapAssets();
});

interface Geometry {
  type: string;
  coordinates: unknown;
}

function geometry(path: string): Geometry {
  const json = JSON.parse(new TextDecoder().decode(files.get(path)));
  expect(json.type).toBe('FeatureCollection');
  expect(json.features).toHaveLength(1);
  return json.features[0].geometry as Geometry;
}

/** The largest longitude step between neighbouring points of any of the paths. */
function largestStep(paths: Position[][]): number {
  let largest = 0;
  for (const path of paths) {
    for (let index = 1; index < path.length; index += 1) {
      largest = Math.max(largest, Math.abs(path[index]![0]! - path[index - 1]![0]!));
    }
  }
  return largest;
}

describe('buildBasemapAssets', () => {
  it('matches the committed assets byte for byte (run `npm run assets -w @legocity/basemap`)', async () => {
    expect([...files.keys()]).toEqual(BASEMAP_ASSET_FILES);
    for (const [path, content] of files) {
      const committed = await readFile(join(basemapAssetsDir(), path));
      expect(Buffer.compare(committed, content), `${path} is out of date`).toBe(0);
    }
  });

  it('draws no line across the world: only rings around the pole step past 180°', () => {
    const land = geometry('land.geojson');
    expect(land.type).toBe('MultiPolygon');
    const rings = (land.coordinates as Position[][][]).flat();
    const crossing = rings.filter((ring) => largestStep([ring]) > 180);
    expect(crossing.length).toBeGreaterThan(0);
    for (const ring of crossing) {
      expect(ring.some(([, lat]) => lat === -90)).toBe(true);
    }
    for (const path of ['borders.geojson', 'coastline.geojson']) {
      const lines = geometry(path);
      expect(lines.type).toBe('MultiLineString');
      expect(largestStep(lines.coordinates as Position[][])).toBeLessThan(180);
    }
  });

  it('declares the font unicode ranges that @fontsource ships the files with', async () => {
    const require = createRequire(import.meta.url);
    const unicode = JSON.parse(
      await readFile(require.resolve('@fontsource/noto-sans/unicode.json'), 'utf8'),
    ) as Record<string, string>;
    for (const font of BASEMAP_FONT_FILES) {
      expect(font.unicodeRange.join(',')).toBe(unicode[font.subset]);
      expect(font.file).toBe(`noto-sans-${font.subset}-400-normal.woff2`);
    }
  });
});
