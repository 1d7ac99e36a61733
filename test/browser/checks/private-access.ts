/**
 * Anonymous visitors cannot see private dashboards: the private page `operations` (site route
 * and REST), a private map view and the data of its layers. The admin can (so each check can
 * fail).
 */
import { expect, it } from 'vitest';
import type { BrowserSuite } from '../support/browser-suite.js';
import { cms, cmsLogin, idBySlug } from '../support/cms-api.js';

export function privateAccessChecks(suite: () => BrowserSuite): void {
  it('keeps the private page operations from anonymous visitors', async () => {
    const { platform } = suite();
    const url = platform.dashboardUrl;
    const route = await fetch(`${url}/pages/operations`, { redirect: 'manual' });
    await route.arrayBuffer();
    expectLoginRedirectOrNotFound(route, '/pages/operations');

    const anonymous = await cms<{ docs: unknown[] }>(
      url,
      'GET',
      '/api/pages?where[slug][equals]=operations',
    );
    expect([200, 403]).toContain(anonymous.status);
    expect(anonymous.status === 403 || anonymous.body.docs.length === 0).toBe(true);

    const token = await cmsLogin(url, platform.adminEmail, platform.adminPassword);
    const signedIn = await cms<{ docs: unknown[] }>(
      url,
      'GET',
      '/api/pages?where[slug][equals]=operations',
      { token },
    );
    expect(signedIn.body.docs, 'the admin reads the page').toHaveLength(1);
    const { page, close } = await suite().open();
    try {
      await page.goto('/pages/operations');
      expect(new URL(page.url()).pathname).not.toBe('/pages/operations');
    } finally {
      await close();
    }
  }, 60_000);

  it('keeps a private map view and its layer data from anonymous visitors', async () => {
    const { platform } = suite();
    const url = platform.dashboardUrl;
    const token = await cmsLogin(url, platform.adminEmail, platform.adminPassword);
    const brokers = await cms<{ docs: { id: number | string }[] }>(
      url,
      'GET',
      '/api/brokers?where[name][equals]=Demo%20city',
      { token },
    );
    const broker = brokers.body.docs[0]?.id;
    expect(broker, 'the demo broker').toBeDefined();
    const slug = `private-check-${platform.variant}`;
    const created = await cms<{ doc?: { id: number | string; layers: { id: string }[] } }>(
      url,
      'POST',
      '/api/map-views',
      {
        token,
        body: {
          title: 'Private check',
          slug,
          public: false,
          centre: { lon: 108.215, lat: 16.055, zoom: 12 },
          basemapStyle: 'offline',
          layers: [
            {
              label: 'Weather (private)',
              broker,
              entityType: 'WeatherObserved',
              style: 'points',
              refresh: 'interval',
              refreshSeconds: 60,
            },
          ],
        },
      },
    );
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const layerId = created.body.doc!.layers[0]!.id;

    const anonymousData = await fetch(`${url}/api/data/layers/${layerId}`);
    const anonymousBody = await anonymousData.text();
    expect([401, 403, 404], anonymousBody.slice(0, 300)).toContain(anonymousData.status);
    expect(anonymousBody).not.toContain('"Feature"');
    const adminData = await fetch(`${url}/api/data/layers/${layerId}`, {
      headers: { authorization: `JWT ${token}` },
    });
    const adminBody = (await adminData.json()) as { features?: unknown[] };
    expect(adminData.status, 'the admin reads the layer').toBe(200);
    expect(adminBody.features?.length).toBeGreaterThan(0);

    expect(await idBySlug(url, 'map-views', slug), 'anonymous REST read').toBeUndefined();
    const route = await fetch(`${url}/maps/${slug}`, { redirect: 'manual' });
    await route.arrayBuffer();
    expectLoginRedirectOrNotFound(route, `/maps/${slug}`);
  }, 60_000);
}

function expectLoginRedirectOrNotFound(response: Response, path: string): void {
  const location = response.headers.get('location') ?? '';
  const isLoginRedirect =
    [302, 303, 307, 308].includes(response.status) && location.includes('/admin/login');
  expect(
    isLoginRedirect || response.status === 404,
    `anonymous GET ${path}: ${response.status} ${location}`,
  ).toBe(true);
}
