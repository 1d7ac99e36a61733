/**
 * The public site's data access for Next server components: the process's Payload, the signed-in
 * reader from the request cookies, and the view loaders. A private view asked for by an anonymous
 * visitor redirects to the admin sign-in and back.
 */
import config from '@payload-config';
import { headers } from 'next/headers.js';
import { redirect } from 'next/navigation.js';
import { getPayload, type Payload } from 'payload';
import {
  loadHomeView,
  loadMapViewBySlug,
  loadPageBySlug,
  slugExists,
  type Reader,
} from './load-views.js';
import type { HomeView, MapViewModel, PageViewModel } from './view-models.js';

/** The process's Payload (initialised once by Next's instrumentation hook or the first request). */
export function sitePayload(): Promise<Payload> {
  return getPayload({ config });
}

/** The signed-in reader of this request, or null. */
export async function currentUser(): Promise<Reader> {
  const payload = await sitePayload();
  const { user } = await payload.auth({ headers: await headers() });
  return user ?? null;
}

/** A map view for `/maps/[slug]`; null → not found; anonymous + private → sign-in redirect. */
export async function loadMapView(slug: string, user: Reader): Promise<MapViewModel | null> {
  const payload = await sitePayload();
  const map = await loadMapViewBySlug(payload, slug, user);
  if (!map && !user && (await slugExists(payload, 'map-views', slug)))
    redirect(signInPath(`/maps/${slug}`));
  return map;
}

/** A page for `/pages/[slug]`; null → not found; anonymous + private → sign-in redirect. */
export async function loadPage(
  slug: string,
  user: Reader,
  draft: boolean,
): Promise<PageViewModel | null> {
  const payload = await sitePayload();
  const page = await loadPageBySlug(payload, slug, user, draft);
  if (!page && !user && (await slugExists(payload, 'pages', slug)))
    redirect(signInPath(`/pages/${slug}`));
  return page;
}

/** What `/` shows. */
export async function loadHome(user: Reader): Promise<HomeView | null> {
  return loadHomeView(await sitePayload(), user);
}

function signInPath(path: string): string {
  return `/admin/login?redirect=${encodeURIComponent(path)}`;
}
