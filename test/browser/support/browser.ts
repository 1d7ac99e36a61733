/**
 * Debian's Chromium through playwright-core: headless, software WebGL (SwiftShader), nothing
 * fetched from the internet. Each test opens its own context (no shared cookies or cache).
 */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM } from './prerequisites.js';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
];

/**
 * @example const browser = await launchChromium(); … await browser.close();
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}

export interface OpenPage {
  page: Page;
  context: BrowserContext;
  /** Uncaught errors and console errors of the page so far (for failure messages). */
  errors: string[];
  close: () => Promise<void>;
}

/**
 * A page in a fresh context, optionally with a viewport size and a base URL.
 * @example const { page, close } = await openPage(browser, { baseURL: platform.dashboardUrl });
 */
export async function openPage(
  browser: Browser,
  options: { baseURL?: string; viewport?: { width: number; height: number } } = {},
): Promise<OpenPage> {
  const context = await browser.newContext({
    baseURL: options.baseURL,
    viewport: options.viewport ?? { width: 1280, height: 800 },
  });
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  page.setDefaultNavigationTimeout(60_000);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  return { page, context, errors, close: () => context.close() };
}
