/**
 * A 360 × 740 phone: no horizontal scrolling, and the layer toggles work from the keyboard
 * alone (Tab to a toggle, Space switches its layer on the map).
 */
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import type { BrowserSuite } from '../support/browser-suite.js';
import { waitForMapReady } from '../support/map-probe.js';
import type { PageWindow } from '../support/page-globals.js';

const PHONE = { width: 360, height: 740 };
const MAX_TABS = 80;

export function smallScreenChecks(suite: () => BrowserSuite): void {
  it.each(['/', '/maps/da-nang'])(
    'does not scroll sideways on a 360 px screen: %s',
    async (path) => {
      const { page, errors, close } = await suite().open({ viewport: PHONE });
      try {
        await page.goto(path);
        await waitForMapReady(page, errors);
        const widths = await page.evaluate(() => {
          const w = globalThis as unknown as PageWindow;
          return {
            viewport: w.innerWidth,
            document: w.document.documentElement.scrollWidth,
            body: w.document.body.scrollWidth,
          };
        });
        expect(widths.document, JSON.stringify(widths)).toBeLessThanOrEqual(widths.viewport);
        expect(widths.body, JSON.stringify(widths)).toBeLessThanOrEqual(widths.viewport);
      } finally {
        await close();
      }
    },
    60_000,
  );

  it('switches a layer with the keyboard alone on a 360 px screen', async () => {
    const { page, errors, close } = await suite().open({ viewport: PHONE });
    try {
      await page.goto('/maps/da-nang');
      await waitForMapReady(page, errors);
      const toggle = await tabToLayerToggle(page);
      const layerId = toggle.slice('layer-toggle-'.length);
      const before = await dataLayerVisibility(page);
      // Control: with no key pressed nothing changes, so the change below is the toggle's.
      expect(await layersChangedWithin(page, before, 1_000), 'changes without a key').toEqual([]);
      await page.keyboard.press('Space');
      const changed = await layersChangedWithin(page, before, 5_000);
      expect(changed, `map layers whose visibility Space on ${toggle} changed`).not.toEqual([]);
      expect(
        changed.filter((id) => !id.includes(layerId)),
        `layers of other layers than ${layerId} changed`,
      ).toEqual([]);
    } finally {
      await close();
    }
  }, 60_000);
}

/**
 * Press Tab until a `layer-toggle-…` has the focus, opening collapsed panels on the way with
 * Enter as a keyboard user would; returns the toggle's test id.
 */
async function tabToLayerToggle(page: Page): Promise<string> {
  const seen: string[] = [];
  for (let tab = 0; tab < MAX_TABS; tab += 1) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const element = (globalThis as unknown as PageWindow).document.activeElement;
      return {
        testId: element?.getAttribute('data-testid') ?? '',
        expanded: element?.getAttribute('aria-expanded') ?? '',
        label:
          element?.getAttribute('aria-label') ?? element?.textContent?.trim().slice(0, 40) ?? '',
      };
    });
    seen.push(focused.testId || focused.label);
    if (focused.testId.startsWith('layer-toggle-')) return focused.testId;
    if (focused.expanded === 'false') await page.keyboard.press('Enter');
  }
  throw new Error(
    `no layer-toggle-… received the focus after ${MAX_TABS} Tabs; focus went to: ${seen.join(' → ')}`,
  );
}

/** Map layers whose visibility differs from `before` (or which went away) within `ms`. */
async function layersChangedWithin(
  page: Page,
  before: Record<string, string>,
  ms: number,
): Promise<string[]> {
  const deadline = Date.now() + ms;
  for (;;) {
    const now = await dataLayerVisibility(page);
    const changed = Object.keys(before).filter((id) => before[id] !== now[id]);
    if (changed.length > 0 || Date.now() > deadline) return changed;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Visibility of every layer drawing layer data ('visible' or 'none'). */
function dataLayerVisibility(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const map = (globalThis as unknown as PageWindow).__legocityMap!;
    const visibility: Record<string, string> = {};
    for (const layer of map.getStyle().layers) {
      if (!layer.source || layer.source.startsWith('basemap-')) continue;
      const value = map.getLayoutProperty(layer.id, 'visibility');
      visibility[layer.id] = typeof value === 'string' ? value : 'visible';
    }
    return visibility;
  });
}
