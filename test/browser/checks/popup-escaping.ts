/**
 * Popups render entity data as text: a `name` holding HTML and a script shows up literally,
 * creates no element and runs nothing. The demo's air-quality popup is "{{name}}: PM2.5 …".
 */
import { expect, it } from 'vitest';
import type { BrowserSuite } from '../support/browser-suite.js';
import { airQualityStation, brokerWriter } from '../support/broker-api.js';
import { mapIdle, sourceHasProperty, waitForMapReady } from '../support/map-probe.js';
import type { PageWindow } from '../support/page-globals.js';

const HOSTILE_NAME = `<img src=x onerror="window.__xss=1"><script>window.__xss=1</script>`;
const POSITION: [number, number] = [108.219, 16.052];

export function popupEscapingChecks(suite: () => BrowserSuite): void {
  it('shows a <script> in an entity name as text in the popup and runs nothing', async () => {
    const { platform } = suite();
    const writer = await brokerWriter(platform, ['AirQualityObserved']);
    const id = `urn:ngsi-ld:AirQualityObserved:browser-xss-${platform.variant}`;
    await writer.put(airQualityStation(id, HOSTILE_NAME, POSITION));
    const { page, errors, close } = await suite().open();
    try {
      await page.goto('/maps/da-nang');
      await waitForMapReady(page, errors);
      // A cached first answer may predate the entity: a change reaches the live layer anyway.
      await writer.patch(id, { pm25: { type: 'Property', value: 13.5 } });
      await page.waitForFunction(
        sourceHasProperty,
        { name: 'name', value: HOSTILE_NAME },
        { timeout: 20_000, polling: 100 },
      );

      await page.evaluate((center) => {
        (globalThis as unknown as PageWindow).__legocityMap!.jumpTo({ center, zoom: 17 });
      }, POSITION);
      await mapIdle(page);
      const target = await page.evaluate((name) => {
        const map = (globalThis as unknown as PageWindow).__legocityMap!;
        const feature = map
          .queryRenderedFeatures()
          .find((f) => f.properties.name === name && f.geometry.type === 'Point');
        return feature && map.project(feature.geometry.coordinates as [number, number]);
      }, HOSTILE_NAME);
      expect(target, 'the hostile entity is rendered as a point at zoom 17').toBeDefined();
      const box = await page.locator('canvas.maplibregl-canvas').first().boundingBox();
      await page.mouse.click(box!.x + target!.x, box!.y + target!.y);

      const popup = page.getByTestId('popup');
      await popup.first().waitFor({ state: 'visible', timeout: 10_000 });
      const text = (await popup.first().textContent()) ?? '';
      expect(text).toContain('<script>window.__xss=1</script>');
      expect(text).toContain('<img src=x');
      expect(await popup.first().locator('img, script').count()).toBe(0);
      expect(await page.locator('img[src="x"]').count()).toBe(0);
      expect(
        await page.evaluate(() => (globalThis as unknown as PageWindow).__xss),
        'window.__xss',
      ).toBeUndefined();
    } finally {
      await close();
    }
  }, 90_000);
}
