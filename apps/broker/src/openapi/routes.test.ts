import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { appWithoutDatabase } from './app-without-database.test-support.js';
import { docsPageHtml } from './docs-page.js';

const PUBLIC_URL = 'http://broker.city.example:1026';

/** Every URL an HTML page refers to through src or href. */
function referencedUrls(html: string): string[] {
  return [...html.matchAll(/\b(?:src|href)="([^"]*)"/g)].map((m) => m[1] ?? '');
}

describe('OpenAPI routes', () => {
  let app: FastifyInstance;

  beforeAll(async () => {
    app = await appWithoutDatabase({ publicUrl: PUBLIC_URL });
  });

  afterAll(async () => {
    await app.close();
  });

  it('serves the document as application/json with the public URL as its server', async () => {
    const res = await app.inject({ method: 'GET', url: '/ngsi-ld/v1/openapi.json' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const document = res.json<{ openapi: string; servers: { url: string }[] }>();
    expect(document.openapi).toBe('3.1.0');
    expect(document.servers[0]?.url).toBe(PUBLIC_URL);
  });

  it('serves the docs page as HTML that refers to no host but its own', async () => {
    const res = await app.inject({ method: 'GET', url: '/ngsi-ld/v1/docs' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    const hosts = [...res.body.matchAll(/(?:https?:)?\/\/[^\s"'<>/]+/gi)].map((m) => m[0]);
    expect(hosts.filter((host) => !host.endsWith('//broker.city.example:1026'))).toEqual([]);
    const urls = referencedUrls(res.body);
    expect(urls.length).toBeGreaterThanOrEqual(3);
    for (const url of urls) expect(url, url).toMatch(/^\/[^/]/);
  });

  it('serves every file the docs page loads, from this process', async () => {
    const page = await app.inject({ method: 'GET', url: '/ngsi-ld/v1/docs' });
    const scripts = [...page.body.matchAll(/<script src="([^"]+)"/g)].map((m) => m[1] ?? '');
    for (const url of referencedUrls(page.body)) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.rawPayload.length, url).toBeGreaterThan(100);
      const expected = scripts.includes(url)
        ? /^text\/javascript/
        : url.endsWith('.css')
          ? /^text\/css/
          : /^application\/json/;
      expect(res.headers['content-type'], url).toMatch(expected);
    }
  });

  it('starts Swagger UI without its online validator', async () => {
    const res = await app.inject({ method: 'GET', url: '/ngsi-ld/v1/docs/assets/docs-init.js' });
    expect(res.body).toContain('validatorUrl: null');
    expect(res.body).not.toMatch(/https?:\/\//);
  });

  it('forbids the page, by Content-Security-Policy, to load or call anything but this broker', async () => {
    const res = await app.inject({ method: 'GET', url: '/ngsi-ld/v1/docs' });
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain(`connect-src 'self' ${PUBLIC_URL}`);
  });

  it('refuses a query parameter these routes do not take, as every route does', async () => {
    const res = await app.inject({ method: 'GET', url: '/ngsi-ld/v1/docs?theme=dark' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      type: 'https://uri.etsi.org/ngsi-ld/errors/InvalidRequest',
      field: 'theme',
    });
  });

  it('answers 405 naming GET when the document is sent another method', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/ngsi-ld/v1/openapi.json',
      payload: '{}',
      headers: { 'content-type': 'application/json' },
    });
    expect(res.statusCode).toBe(405);
    expect(res.headers.allow).toBe('GET');
  });
});

describe('docsPageHtml', () => {
  it('keeps its links under the path of a public URL behind a proxy', () => {
    const html = docsPageHtml({ basePath: '/broker' });
    for (const url of referencedUrls(html)) expect(url).toMatch(/^\/broker\/ngsi-ld\/v1\//);
    expect(html).toContain('data-openapi-url="/broker/ngsi-ld/v1/openapi.json"');
  });

  it('escapes the base path', () => {
    expect(docsPageHtml({ basePath: '/a"><script>' })).not.toContain('"><script>');
  });
});
