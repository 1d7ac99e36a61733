/**
 * The public pages show the demo city's entities on the map: MapLibre rendered features from
 * several layers, and the entity layers put coloured pixels on the canvas where the points are.
 */
import { expect, it } from 'vitest';
import type { BrowserSuite } from '../support/browser-suite.js';
import {
  dataLayerPixels,
  renderedFeaturesBySource,
  waitForMapReady,
} from '../support/map-probe.js';

/** Layers of the demo map with at least this many rendered features count as drawn. */
const MIN_FEATURES_PER_LAYER = 5;
const MIN_LAYERS_DRAWN = 4;

export function publicMapChecks(suite: () => BrowserSuite): void {
  it.each(['/', '/maps/da-nang'])(
    'draws the demo city on the map of %s (rendered features and pixels)',
    async (path) => {
      const { page, errors, close } = await suite().open();
      try {
        const response = await page.goto(path);
        expect(response?.status(), `GET ${path}`).toBe(200);
        await waitForMapReady(page, errors);

        const bySource = await renderedFeaturesBySource(page);
        const drawn = Object.values(bySource).filter((n) => n >= MIN_FEATURES_PER_LAYER);
        const total = Object.values(bySource).reduce((sum, n) => sum + n, 0);
        process.stderr.write(
          `[${path}] rendered features by source: ${JSON.stringify(bySource)}\n`,
        );
        expect(drawn.length, JSON.stringify(bySource)).toBeGreaterThanOrEqual(MIN_LAYERS_DRAWN);
        expect(total, JSON.stringify(bySource)).toBeGreaterThan(100);

        const pixels = await dataLayerPixels(page);
        process.stderr.write(
          `[${path}] pixels drawn by the entity layers: ${JSON.stringify(pixels)}\n`,
        );
        expect(pixels.changedPixels, 'pixels the entity layers change').toBeGreaterThan(2000);
        expect(pixels.changedColours, 'distinct colours the entity layers add').toBeGreaterThan(3);
        expect(pixels.pointsChecked, 'rendered points inside the canvas').toBeGreaterThan(10);
        expect(pixels.pointsHit / pixels.pointsChecked, 'points with drawn pixels').toBeGreaterThan(
          0.8,
        );
      } finally {
        await close();
      }
    },
    120_000,
  );
}
