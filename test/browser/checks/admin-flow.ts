/**
 * The "done when", in the browser: the admin signs in at /admin, builds a public map
 * view (one layer of the demo broker) and a page with a map block without code, publishes the
 * page, and an anonymous visitor sees the new map's entities drawn.
 */
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import type { BrowserSuite } from '../support/browser-suite.js';
import { adminLoginInBrowser, cms } from '../support/cms-api.js';
import { renderedFeaturesBySource, waitForMapReady } from '../support/map-probe.js';

export function adminFlowChecks(suite: () => BrowserSuite): void {
  it("shows the platform's alert evaluator's verdict on the admin dashboard", async () => {
    const { platform } = suite();
    const admin = await suite().open();
    try {
      await adminLoginInBrowser(admin.page, platform.adminEmail, platform.adminPassword);
      await admin.page.goto('/admin');
      const panel = admin.page.getByTestId('platform-alerts');
      await panel.getByRole('status').waitFor({ timeout: 30_000 });
      // `legocity up` runs the evaluator; a fresh demo city has nothing firing.
      expect(await panel.getByRole('status').textContent()).toBe('No alert is firing.');
    } finally {
      await admin.close();
    }
    const anonymous = await fetch(`${platform.dashboardUrl}/api/platform/alerts`);
    expect(anonymous.status, 'anonymous GET /api/platform/alerts').toBe(401);
  }, 60_000);

  it('lets the admin build and publish a map view and a page that anonymous visitors see', async () => {
    const { platform } = suite();
    const slug = `weather-${platform.variant}`;
    const title = `Weather stations (${platform.variant})`;
    const admin = await suite().open();
    try {
      await adminLoginInBrowser(admin.page, platform.adminEmail, platform.adminPassword);
      await createMapView(admin.page, { title, slug });
      await createPage(admin.page, { title: `${title} page`, slug, mapViewTitle: title });
    } finally {
      await admin.close();
    }

    const published = await cms<{ docs: { _status?: string }[] }>(
      platform.dashboardUrl,
      'GET',
      `/api/pages?where[slug][equals]=${slug}&depth=0`,
    );
    expect(published.body.docs[0]?._status, 'anonymous REST read of the page').toBe('published');

    for (const path of [`/maps/${slug}`, `/pages/${slug}`]) {
      const visitor = await suite().open();
      try {
        const response = await visitor.page.goto(path);
        expect(response?.status(), `anonymous GET ${path}`).toBe(200);
        await waitForMapReady(visitor.page, visitor.errors);
        const bySource = await renderedFeaturesBySource(visitor.page);
        const total = Object.values(bySource).reduce((sum, n) => sum + n, 0);
        expect(
          total,
          `${path}: rendered WeatherObserved features ${JSON.stringify(bySource)}`,
        ).toBeGreaterThan(0);
      } finally {
        await visitor.close();
      }
    }
  }, 180_000);
}

/** Fill the map-view form: title, slug, public, centre, one points layer of WeatherObserved. */
async function createMapView(page: Page, { title, slug }: { title: string; slug: string }) {
  await openForm(page, '/admin/collections/map-views/create');
  await page.locator('#field-title').fill(title);
  await page.locator('#field-slug').fill(slug);
  await page.locator('#field-public').check();
  await page.locator('#field-centre__lon').fill('108.215');
  await page.locator('#field-centre__lat').fill('16.055');
  await page.locator('#field-centre__zoom').fill('12');
  await page.getByRole('button', { name: 'Add Layer' }).click();
  await page.locator('#field-layers__0__label').fill('Weather stations');
  await chooseOption(page, '#field-layers__0__broker', 'Demo city');
  await page.locator('#field-layers__0__entityType').fill('WeatherObserved');
  await chooseOption(page, '#field-layers__0__style', /^points$/);
  await page.locator('#action-save').click();
  await waitForSavedDocument(page, 'map-views');
}

/** Fill the page form with one map block showing the map view, and publish it. */
async function createPage(
  page: Page,
  { title, slug, mapViewTitle }: { title: string; slug: string; mapViewTitle: string },
) {
  await openForm(page, '/admin/collections/pages/create');
  await page.locator('#field-title').fill(title);
  await page.locator('#field-slug').fill(slug);
  await page.locator('#field-public').check();
  await page.getByRole('button', { name: /Add Block/ }).click();
  await page.locator('.thumbnail-card', { hasText: /^Map$/ }).click();
  // A loaded CI machine can take long to render the new block's fields.
  await page.locator('#field-blocks__0__mapView').waitFor({ timeout: 60_000 });
  await chooseOption(page, '#field-blocks__0__mapView', mapViewTitle);
  // Drafts are on: this button publishes.
  await page.locator('#action-save').click();
  await waitForSavedDocument(page, 'pages');
}

/**
 * Open an admin form and wait until its scripts have loaded: a click on server-rendered markup
 * before React hydrates it does nothing (seen on a loaded CI machine).
 */
async function openForm(page: Page, path: string) {
  await page.goto(path);
  await page.waitForLoadState('networkidle');
}

/** After the first save the admin moves from …/create to the new document's URL. */
async function waitForSavedDocument(page: Page, collection: string) {
  try {
    await page.waitForURL(
      (url) =>
        url.pathname.startsWith(`/admin/collections/${collection}/`) &&
        !url.pathname.endsWith('/create'),
      { timeout: 30_000 },
    );
  } catch {
    const messages = await page
      .locator('.payload-toast-container, .field-error, .tooltip--error')
      .allTextContents();
    throw new Error(
      `saving the ${collection} document failed: ${messages.join(' | ') || 'no message'}`,
    );
  }
}

/** Pick an option of a Payload select or relationship field (react-select). */
async function chooseOption(page: Page, field: string, option: string | RegExp) {
  await page.locator(`${field} .rs__control`).click();
  await page.locator('.rs__option', { hasText: option }).first().click();
}
