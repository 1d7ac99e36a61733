/**
 * What the map really shows: the features MapLibre rendered (by source) and the pixels the
 * entity layers add on top of the basemap. Sources whose id starts with `basemap-` are the
 * basemap's; every other source holds layer data.
 */
import type { Page } from 'playwright-core';
import type { PageWindow } from './page-globals.js';

/**
 * Wait until the map component says the first entities of every layer are drawn.
 * @example await waitForMapReady(page, errors);
 */
export async function waitForMapReady(
  page: Page,
  errors: string[],
  timeoutMs = 60_000,
): Promise<void> {
  try {
    await page.waitForFunction(
      () => (globalThis as unknown as PageWindow).__legocityMapReady === true,
      null,
      { timeout: timeoutMs, polling: 100 },
    );
  } catch (error) {
    throw new Error(
      `window.__legocityMapReady was not true within ${timeoutMs / 1000} s on ${page.url()}: ${String(error)}\npage errors: ${errors.join(' | ') || 'none'}`,
    );
  }
}

/**
 * Rendered features per layer-data source (basemap sources left out).
 * @example await renderedFeaturesBySource(page) // { 'layer-65a…': 134, … }
 */
export function renderedFeaturesBySource(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => {
    const map = (globalThis as unknown as PageWindow).__legocityMap;
    if (!map) throw new Error('window.__legocityMap is not set');
    const counts: Record<string, number> = {};
    for (const feature of map.queryRenderedFeatures()) {
      if (feature.source.startsWith('basemap-')) continue;
      counts[feature.source] = (counts[feature.source] ?? 0) + 1;
    }
    return counts;
  });
}

/** Wait for the map's next `idle` (after a forced repaint). */
export function mapIdle(page: Page): Promise<void> {
  return page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const map = (globalThis as unknown as PageWindow).__legocityMap!;
        map.once('idle', () => resolve());
        map.triggerRepaint();
      }),
  );
}

/** Hide (or show again) every layer drawing layer data; returns the layers it changed. */
function setDataLayersVisible(page: Page, visible: boolean, only?: string[]): Promise<string[]> {
  return page.evaluate(
    ({ visible, only }) => {
      const map = (globalThis as unknown as PageWindow).__legocityMap!;
      const changed: string[] = [];
      for (const layer of map.getStyle().layers) {
        if (!layer.source || layer.source.startsWith('basemap-')) continue;
        if (only && !only.includes(layer.id)) continue;
        map.setLayoutProperty(layer.id, 'visibility', visible ? 'visible' : 'none');
        changed.push(layer.id);
      }
      return changed;
    },
    { visible, only },
  );
}

export interface PixelReport {
  /** Pixels that differ between the map with and without its data layers. */
  changedPixels: number;
  /** Distinct colours (4 bits per channel) among those pixels. */
  changedColours: number;
  /** Rendered point features checked, and how many have changed pixels within 4 px. */
  pointsChecked: number;
  pointsHit: number;
  canvasSize: { width: number; height: number };
}

/**
 * Screenshot the map canvas with and without the data layers and compare: which pixels the
 * entity layers draw, and whether rendered points have drawn pixels where they are.
 * Leaves the layers visible again.
 * @example const report = await dataLayerPixels(page); expect(report.changedPixels).toBeGreaterThan(1000);
 */
export async function dataLayerPixels(page: Page): Promise<PixelReport> {
  const canvas = page.locator('canvas.maplibregl-canvas').first();
  await canvas.scrollIntoViewIfNeeded();
  // Rendered points where the canvas itself is on top (not under the legend or a panel).
  const points = await page.evaluate(() => {
    const w = globalThis as unknown as PageWindow;
    const map = w.__legocityMap!;
    const canvas = map.getCanvas();
    const box = canvas.getBoundingClientRect();
    return map
      .queryRenderedFeatures()
      .filter((f) => !f.source.startsWith('basemap-') && f.geometry.type === 'Point')
      .map((f) => map.project(f.geometry.coordinates as [number, number]))
      .filter((p) => w.document.elementFromPoint(box.left + p.x, box.top + p.y) === canvas)
      .slice(0, 300);
  });
  await mapIdle(page);
  const withData = (await canvas.screenshot()).toString('base64');
  const hidden = await setDataLayersVisible(page, false);
  await mapIdle(page);
  const withoutData = (await canvas.screenshot()).toString('base64');
  await setDataLayersVisible(page, true, hidden);
  await mapIdle(page);
  return page.evaluate(compareImages, { withData, withoutData, points });
}

interface ImageApis {
  atob(data: string): string;
  createImageBitmap(blob: unknown): Promise<{ width: number; height: number }>;
  Blob: new (parts: unknown[], options: { type: string }) => unknown;
  OffscreenCanvas: new (
    width: number,
    height: number,
  ) => {
    getContext(kind: '2d'): {
      drawImage(image: unknown, x: number, y: number): void;
      getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray };
    };
  };
}

/** Runs in the page: decode both PNGs and compare them pixel by pixel. */
async function compareImages({
  withData,
  withoutData,
  points,
}: {
  withData: string;
  withoutData: string;
  points: { x: number; y: number }[];
}): Promise<PixelReport> {
  const apis = globalThis as unknown as ImageApis;
  const decode = async (base64: string) => {
    const bytes = Uint8Array.from(apis.atob(base64), (c) => c.charCodeAt(0));
    const bitmap = await apis.createImageBitmap(new apis.Blob([bytes], { type: 'image/png' }));
    const canvas = new apis.OffscreenCanvas(bitmap.width, bitmap.height);
    const context = canvas.getContext('2d');
    context.drawImage(bitmap, 0, 0);
    return {
      width: bitmap.width,
      height: bitmap.height,
      data: context.getImageData(0, 0, bitmap.width, bitmap.height).data,
    };
  };
  const a = await decode(withData);
  const b = await decode(withoutData);
  const width = Math.min(a.width, b.width);
  const height = Math.min(a.height, b.height);
  const changed = new Uint8Array(width * height);
  const colours = new Set<number>();
  let changedPixels = 0;
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const i = (y * a.width + x) * 4;
      const j = (y * b.width + x) * 4;
      const difference = Math.max(
        Math.abs(a.data[i]! - b.data[j]!),
        Math.abs(a.data[i + 1]! - b.data[j + 1]!),
        Math.abs(a.data[i + 2]! - b.data[j + 2]!),
      );
      if (difference > 24) {
        changed[y * width + x] = 1;
        changedPixels += 1;
        colours.add(
          ((a.data[i]! >> 4) << 8) | ((a.data[i + 1]! >> 4) << 4) | (a.data[i + 2]! >> 4),
        );
      }
    }
  }
  let pointsChecked = 0;
  let pointsHit = 0;
  for (const point of points) {
    const px = Math.round(point.x);
    const py = Math.round(point.y);
    if (px < 4 || py < 4 || px >= width - 4 || py >= height - 4) continue;
    pointsChecked += 1;
    let hit = false;
    for (let dy = -4; dy <= 4 && !hit; dy += 1)
      for (let dx = -4; dx <= 4 && !hit; dx += 1) hit = changed[(py + dy) * width + px + dx] === 1;
    if (hit) pointsHit += 1;
  }
  return {
    changedPixels,
    changedColours: colours.size,
    pointsChecked,
    pointsHit,
    canvasSize: { width, height },
  };
}

/**
 * Whether any layer-data source of the map holds a feature whose property `name` equals
 * `value` (from the source's data, or from its rendered tiles).
 * @example await page.waitForFunction(sourceHasProperty, { name: 'name', value: 'x' });
 */
export async function sourceHasProperty({
  name,
  value,
}: {
  name: string;
  value: unknown;
}): Promise<boolean> {
  const map = (globalThis as unknown as PageWindow).__legocityMap;
  if (!map) return false;
  for (const id of Object.keys(map.getStyle().sources)) {
    if (id.startsWith('basemap-')) continue;
    const source = map.getSource(id);
    if (source?.type !== 'geojson') continue;
    const data = await source.getData?.().catch(() => undefined);
    if (data?.features?.some((f) => f.properties?.[name] === value)) return true;
    if (map.querySourceFeatures(id).some((f) => f.properties?.[name] === value)) return true;
  }
  return false;
}
