/**
 * A viewer reads map views in the admin but cannot change them: the edit form is read-only
 * with no save button, and the REST API refuses the change (403).
 */
import { expect, it } from 'vitest';
import type { BrowserSuite } from '../support/browser-suite.js';
import { adminLoginInBrowser, cms, cmsLogin, idBySlug } from '../support/cms-api.js';

export function viewerChecks(suite: () => BrowserSuite): void {
  it('lets a viewer open a map view but not edit it (form and REST)', async () => {
    const { platform } = suite();
    const url = platform.dashboardUrl;
    const adminToken = await cmsLogin(url, platform.adminEmail, platform.adminPassword);
    const email = `viewer-${platform.variant}-${Date.now()}@legocity.local`;
    const password = `Viewer-${Math.random().toString(36).slice(2)}-pass`;
    const created = await cms(url, 'POST', '/api/users', {
      token: adminToken,
      body: { email, password, roles: ['viewer'] },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);

    const viewerToken = await cmsLogin(url, email, password);
    const mapViewId = await idBySlug(url, 'map-views', 'da-nang', adminToken);
    expect(mapViewId, 'the demo map view').toBeDefined();
    const patched = await cms(url, 'PATCH', `/api/map-views/${mapViewId}`, {
      token: viewerToken,
      body: { title: 'Changed by a viewer' },
    });
    expect(patched.status).toBe(403);
    const after = await cms<{ title: string }>(url, 'GET', `/api/map-views/${mapViewId}`, {
      token: adminToken,
    });
    expect(after.body.title).not.toBe('Changed by a viewer');

    const { page, close } = await suite().open();
    try {
      await adminLoginInBrowser(page, email, password);
      await page.goto(`/admin/collections/map-views/${mapViewId}`);
      const title = page.locator('#field-title');
      await title.waitFor({ state: 'visible', timeout: 30_000 });
      expect(await title.inputValue()).toBe(after.body.title);
      expect(await title.isEditable(), 'the title field is read-only').toBe(false);
      expect(await page.locator('#action-save').count(), 'save button').toBe(0);
    } finally {
      await close();
    }
  }, 90_000);
}
