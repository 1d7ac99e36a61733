/**
 * The CMS's REST API (Payload, /api/…) as the tests use it: sign in for a JWT, then call
 * collections with `Authorization: JWT <token>`.
 */
import type { Page } from 'playwright-core';

export interface CmsAnswer<T = Record<string, unknown>> {
  status: number;
  body: T;
}

/**
 * Call the CMS REST API, signed in when a token is given.
 * @example const { status, body } = await cms(url, 'GET', '/api/pages?where[slug][equals]=home');
 */
export async function cms<T = Record<string, unknown>>(
  dashboardUrl: string,
  method: string,
  path: string,
  { token, body }: { token?: string; body?: unknown } = {},
): Promise<CmsAnswer<T>> {
  const response = await fetch(`${dashboardUrl}${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `JWT ${token}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Not JSON: keep the text for the failure message.
  }
  return { status: response.status, body: parsed as T };
}

/**
 * Sign in through REST; returns the JWT.
 * @example const token = await cmsLogin(url, platform.adminEmail, platform.adminPassword);
 */
export async function cmsLogin(
  dashboardUrl: string,
  email: string,
  password: string,
): Promise<string> {
  const answer = await cms<{ token?: string }>(dashboardUrl, 'POST', '/api/users/login', {
    body: { email, password },
  });
  if (answer.status !== 200 || !answer.body.token)
    throw new Error(`POST /api/users/login for ${email} answered ${answer.status}`);
  return answer.body.token;
}

/** The id of the document of `collection` with this slug (signed in or anonymous). */
export async function idBySlug(
  dashboardUrl: string,
  collection: string,
  slug: string,
  token?: string,
): Promise<string | undefined> {
  const answer = await cms<{ docs?: { id: string | number }[] }>(
    dashboardUrl,
    'GET',
    `/api/${collection}?where[slug][equals]=${encodeURIComponent(slug)}&depth=0`,
    { token },
  );
  const id = answer.body.docs?.[0]?.id;
  return id === undefined ? undefined : String(id);
}

/**
 * Sign in on the admin's login screen in this page's context (sets the session cookie).
 * @example await adminLoginInBrowser(page, email, password);
 */
export async function adminLoginInBrowser(
  page: Page,
  email: string,
  password: string,
): Promise<void> {
  await page.goto('/admin/login');
  await page.locator('#field-email').fill(email);
  await page.locator('#field-password').fill(password);
  await page.locator('button[type="submit"]').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/admin/login'), { timeout: 30_000 });
}
