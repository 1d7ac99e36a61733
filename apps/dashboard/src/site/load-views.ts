import type { Payload, PayloadRequest } from 'payload';
import type { MapView } from '../payload-types.js';
import { toMapViewModel } from './to-map-view-model.js';
import { toPageViewModel } from './to-page-view-model.js';
import type { HomeView, MapViewModel, PageViewModel } from './view-models.js';

/** The signed-in reader, or null for an anonymous visitor. */
export type Reader = PayloadRequest['user'];

/** The slug of the page `/` shows when it exists and the reader may see it. */
export const HOME_SLUG = 'home';

/**
 * A map view by slug as `reader` may see it (access control applies: anonymous → public only).
 * @example const map = await loadMapViewBySlug(payload, 'da-nang', null);
 */
export async function loadMapViewBySlug(
  payload: Payload,
  slug: string,
  reader: Reader,
): Promise<MapViewModel | null> {
  const found = await payload.find({
    collection: 'map-views',
    where: { slug: { equals: slug } },
    limit: 1,
    depth: 0,
    overrideAccess: false,
    user: reader,
  });
  const doc = found.docs[0];
  return doc ? toMapViewModel(doc) : null;
}

/**
 * A page by slug as `reader` may see it; `draft` (signed-in readers only) shows the newest draft.
 * Map blocks keep only the map views the reader may see.
 * @example const page = await loadPageBySlug(payload, 'home', null, false);
 */
export async function loadPageBySlug(
  payload: Payload,
  slug: string,
  reader: Reader,
  draft: boolean,
): Promise<PageViewModel | null> {
  const found = await payload.find({
    collection: 'pages',
    where: { slug: { equals: slug } },
    limit: 1,
    depth: 0,
    draft: draft && reader !== null && reader !== undefined,
    overrideAccess: false,
    user: reader,
  });
  const doc = found.docs[0];
  if (!doc) return null;
  const mapViewIds = (doc.blocks ?? []).flatMap((block) =>
    block.blockType === 'map'
      ? [typeof block.mapView === 'object' ? block.mapView.id : block.mapView]
      : [],
  );
  const mapViews = new Map<number, MapView>();
  if (mapViewIds.length > 0) {
    const readable = await payload.find({
      collection: 'map-views',
      where: { id: { in: mapViewIds } },
      limit: mapViewIds.length,
      depth: 0,
      overrideAccess: false,
      user: reader,
    });
    for (const view of readable.docs) mapViews.set(view.id, view);
  }
  return toPageViewModel(doc, (id) => mapViews.get(id));
}

/**
 * What `/` shows the reader: the page `home`, else the first public map view, else nothing.
 * @example const home = await loadHomeView(payload, null);
 */
export async function loadHomeView(payload: Payload, reader: Reader): Promise<HomeView | null> {
  const page = await loadPageBySlug(payload, HOME_SLUG, reader, false);
  if (page) return { kind: 'page', page };
  const found = await payload.find({
    collection: 'map-views',
    where: { public: { equals: true } },
    sort: 'createdAt',
    limit: 1,
    depth: 0,
    overrideAccess: false,
    user: reader,
  });
  const doc = found.docs[0];
  return doc ? { kind: 'map', map: toMapViewModel(doc) } : null;
}

/**
 * Whether a map view or page with this slug exists at all (whatever the reader may see), so an
 * anonymous visitor of a private one is sent to sign in rather than told it does not exist.
 */
export async function slugExists(
  payload: Payload,
  collection: 'map-views' | 'pages',
  slug: string,
): Promise<boolean> {
  const { totalDocs } = await payload.count({
    collection,
    where: { slug: { equals: slug } },
    overrideAccess: true,
  });
  return totalDocs > 0;
}
