/**
 * axe-core finds no serious or critical accessibility violation on the public pages (once the
 * map is drawn) and on the admin's login screen. Every violation is printed.
 */
import { expect, it } from 'vitest';
import { axeViolations, describeViolations, seriousOnly } from '../support/axe.js';
import type { BrowserSuite } from '../support/browser-suite.js';
import { waitForMapReady } from '../support/map-probe.js';

const PAGES = [
  { path: '/', hasMap: true },
  { path: '/maps/da-nang', hasMap: true },
  { path: '/admin/login', hasMap: false },
];

export function accessibilityChecks(suite: () => BrowserSuite): void {
  it.each(PAGES)(
    'has no serious or critical axe violation on $path',
    async ({ path, hasMap }) => {
      const { page, errors, close } = await suite().open();
      try {
        await page.goto(path);
        if (hasMap) await waitForMapReady(page, errors);
        else await page.locator('#field-email').waitFor({ state: 'visible', timeout: 30_000 });
        const violations = await axeViolations(page);
        if (violations.length > 0)
          process.stderr.write(
            `[axe ${path}] all violations:\n${describeViolations(violations)}\n`,
          );
        const serious = seriousOnly(violations);
        expect(serious, describeViolations(serious)).toEqual([]);
      } finally {
        await close();
      }
    },
    60_000,
  );
}
