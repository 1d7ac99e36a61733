import { describe, expect, it } from 'vitest';
import { BASEMAP_FONT } from './asset-files.js';
import { BASEMAP_LAYER_IDS, offlineStyle } from './style.js';
import { BASEMAP_THEMES } from './themes.js';

describe('offlineStyle', () => {
  it('builds a version 8 style of ocean, land, coastline and borders from the assets URL', () => {
    const style = offlineStyle({ assetsBaseUrl: '/basemap' });
    expect(style.version).toBe(8);
    expect(style.layers.map((layer) => layer.id)).toEqual([
      'basemap-ocean',
      'basemap-land',
      'basemap-coastline',
      'basemap-borders',
    ]);
    expect(style.sources).toEqual({
      'basemap-land': expect.objectContaining({ type: 'geojson', data: '/basemap/land.geojson' }),
      'basemap-coastline': expect.objectContaining({ data: '/basemap/coastline.geojson' }),
      'basemap-borders': expect.objectContaining({ data: '/basemap/borders.geojson' }),
    });
    expect(style).not.toHaveProperty('glyphs');
    expect(style).not.toHaveProperty('sprite');
  });

  it('declares the bundled Noto Sans files as font-faces, split by unicode range', () => {
    const style = offlineStyle({ assetsBaseUrl: 'http://127.0.0.1:3000/basemap/' });
    const faces = style['font-faces'][BASEMAP_FONT];
    expect(faces?.map((face) => face.url)).toEqual([
      'http://127.0.0.1:3000/basemap/fonts/noto-sans-latin-400-normal.woff2',
      'http://127.0.0.1:3000/basemap/fonts/noto-sans-vietnamese-400-normal.woff2',
    ]);
    expect(faces?.[1]?.['unicode-range']).toContain('U+1EA0-1EF9');
  });

  it('takes the fonts from fontsBaseUrl when given', () => {
    const style = offlineStyle({ assetsBaseUrl: '/basemap', fontsBaseUrl: '/static/fonts' });
    expect(style['font-faces'][BASEMAP_FONT]?.[0]?.url).toBe(
      '/static/fonts/noto-sans-latin-400-normal.woff2',
    );
  });

  it('paints with the colours of the chosen theme', () => {
    const style = offlineStyle({ assetsBaseUrl: '/basemap', theme: 'dark' });
    const ocean = style.layers.find((layer) => layer.id === BASEMAP_LAYER_IDS.ocean);
    const land = style.layers.find((layer) => layer.id === BASEMAP_LAYER_IDS.land);
    expect(ocean?.paint?.['background-color']).toBe(BASEMAP_THEMES.dark.ocean);
    expect(land?.paint?.['fill-color']).toBe(BASEMAP_THEMES.dark.land);
    expect(style.name).toContain('dark');
  });

  it('lists every invalid option at once, by name', () => {
    const build = () =>
      offlineStyle({ assetsBaseUrl: ' ', fontsBaseUrl: '', theme: 'sepia' as 'light' });
    expect(build).toThrow(/- assetsBaseUrl: must be a non-empty URL/);
    expect(build).toThrow(/- fontsBaseUrl: must be a non-empty URL/);
    expect(build).toThrow(/- theme: must be 'light' or 'dark', got "sepia"/);
  });

  it('returns a fresh object each time, so callers may change it', () => {
    const first = offlineStyle({ assetsBaseUrl: '/basemap' });
    first.layers.pop();
    first['font-faces'][BASEMAP_FONT]?.[0]?.['unicode-range'].push('U+E000');
    const second = offlineStyle({ assetsBaseUrl: '/basemap' });
    expect(second.layers).toHaveLength(4);
    expect(second['font-faces'][BASEMAP_FONT]?.[0]?.['unicode-range']).not.toContain('U+E000');
  });
});
