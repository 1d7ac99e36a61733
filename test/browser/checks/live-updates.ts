/**
 * Live: an attribute changed in the broker reaches the open map (the data of its layer source)
 * without a reload. The latency is printed; the only limit is a generous wait.
 */
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import type { BrowserSuite } from '../support/browser-suite.js';
import { airQualityStation, brokerWriter } from '../support/broker-api.js';
import { sourceHasProperty, waitForMapReady } from '../support/map-probe.js';

const WAIT_MS = 15_000;

export function liveUpdateChecks(suite: () => BrowserSuite): void {
  it('shows an attribute changed in the broker on the open map', async () => {
    const { platform } = suite();
    const writer = await brokerWriter(platform, ['AirQualityObserved']);
    const id = `urn:ngsi-ld:AirQualityObserved:browser-live-${platform.variant}`;
    await writer.put(airQualityStation(id, 'Live check: initial', [108.2105, 16.0675]));
    const { page, errors, close } = await suite().open();
    try {
      await page.goto('/maps/da-nang');
      await waitForMapReady(page, errors);
      // The first change also proves the live channel is open; the second is the one timed.
      const first = await changeAndObserve(page, async (name) => {
        await writer.patch(id, { name: { type: 'Property', value: name } });
      });
      const second = await changeAndObserve(page, async (name) => {
        await writer.patch(id, { name: { type: 'Property', value: name } });
      });
      process.stderr.write(
        `[live, ${platform.variant}] broker PATCH → seen in the map's source data: ${first} ms, then ${second} ms (polled every 50 ms)\n`,
      );
      expect(second).toBeGreaterThanOrEqual(0);
    } finally {
      await close();
    }
  }, 90_000);
}

/** Make a change with a fresh marker value and wait until the map's data holds it; ms taken. */
async function changeAndObserve(page: Page, change: (marker: string) => Promise<void>) {
  const marker = `Live check ${Date.now()}`;
  const started = Date.now();
  await change(marker);
  try {
    await page.waitForFunction(
      sourceHasProperty,
      { name: 'name', value: marker },
      {
        timeout: WAIT_MS,
        polling: 50,
      },
    );
  } catch {
    throw new Error(
      `the map's layer data did not show name = '${marker}' within ${WAIT_MS / 1000} s of the broker change`,
    );
  }
  return Date.now() - started;
}
