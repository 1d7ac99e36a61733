/**
 * One platform and one browser per storage variant, shared by every check of the variant (a
 * platform start takes about a minute). Embedded storage always; PostgreSQL too when
 * LEGOCITY_TEST_DATABASE_URL is set (CI sets it).
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium, openPage, type OpenPage } from './browser.js';
import { startPlatform, type Platform, type StorageVariant } from './platform.js';
import { requireBrowserPrerequisites } from './prerequisites.js';

export interface BrowserSuite {
  platform: Platform;
  browser: Browser;
  /** A page in a fresh context whose relative URLs go to the dashboard. */
  open(options?: { viewport?: { width: number; height: number } }): Promise<OpenPage>;
}

/**
 * The storage variants this run covers.
 * @example describe.each(storageVariants())('dashboard (%s)', (variant) => { … });
 */
export function storageVariants(): StorageVariant[] {
  return process.env.LEGOCITY_TEST_DATABASE_URL ? ['embedded', 'postgres'] : ['embedded'];
}

/**
 * Register the hooks that start the platform and Chromium before the variant's checks and stop
 * them after; the returned function gives the running suite to each check.
 * @example const suite = useBrowserSuite('embedded'); it('…', async () => { const { page } = await suite().open(); });
 */
export function useBrowserSuite(variant: StorageVariant): () => BrowserSuite {
  let platform: Platform | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    requireBrowserPrerequisites();
    const started = Date.now();
    platform = await startPlatform(variant, process.env.LEGOCITY_TEST_DATABASE_URL);
    browser = await launchChromium();
    process.stderr.write(
      `[browser tests, ${variant}] platform up in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
    );
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
  }, 90_000);
  return () => {
    if (!platform || !browser) throw new Error('the platform did not start (see beforeAll)');
    const running = { platform, browser };
    return {
      ...running,
      open: (options = {}) =>
        openPage(running.browser, { ...options, baseURL: running.platform.dashboardUrl }),
    };
  };
}
