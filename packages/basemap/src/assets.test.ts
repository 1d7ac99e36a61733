import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BASEMAP_ASSET_FILES } from './asset-files.js';
import { basemapAssetsDir, copyBasemapAssets } from './assets.js';
import { offlineStyle } from './style.js';

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

const temporaryDirs: string[] = [];
afterEach(async () => {
  await Promise.all(temporaryDirs.splice(0).map((dir) => rm(dir, { recursive: true })));
});

describe('basemapAssetsDir', () => {
  it('holds exactly the files the package lists', async () => {
    expect(await listFiles(basemapAssetsDir())).toEqual([...BASEMAP_ASSET_FILES].sort());
  });

  it('has a file behind every URL of the style', () => {
    const style = offlineStyle({ assetsBaseUrl: '/basemap' });
    const urls = [
      ...Object.values(style.sources).map((source) => source.data as string),
      ...Object.values(style['font-faces']).flatMap((faces) => faces.map((face) => face.url)),
    ];
    expect(urls).toHaveLength(5);
    for (const url of urls) {
      expect(url).toMatch(/^\/basemap\//);
      const file = join(basemapAssetsDir(), url.slice('/basemap/'.length));
      expect(existsSync(file), `${url} → ${file}`).toBe(true);
    }
  });
});

describe('copyBasemapAssets', () => {
  it('copies every asset, fonts and licence notices included, byte for byte', async () => {
    const target = await mkdtemp(join(tmpdir(), 'legocity-basemap-'));
    temporaryDirs.push(target);
    const copied = await copyBasemapAssets(join(target, 'public', 'basemap'));
    expect(copied).toEqual(BASEMAP_ASSET_FILES);
    expect(await listFiles(join(target, 'public', 'basemap'))).toEqual([...copied].sort());
    for (const path of copied) {
      const original = await readFile(join(basemapAssetsDir(), path));
      const copy = await readFile(join(target, 'public', 'basemap', path));
      expect(Buffer.compare(copy, original), path).toBe(0);
    }
  });
});
