import type { Payload } from 'payload';
import { createDemoReadKey } from './demo-read-key.js';
import {
  DEMO_BROKER_NAME,
  DEMO_MAP_SLUG,
  demoHomePage,
  demoMapView,
  demoOperationsPage,
} from './demo-content.js';
import { ensureFirstAdmin, type FirstAdmin } from './first-admin.js';

export interface SeedDemoOptions {
  brokerUrl: string;
  /** The broker's admin key: makes the dashboard's read key, kept (sealed) for the keys view. */
  brokerAdminKey: string | undefined;
  tenant?: string;
  adminEmail: string;
  dataDir: string;
  fetch?: typeof fetch;
}

/** What a start with the demo seed did. */
export interface SeedDemoResult {
  /** False when the CMS already had map views: a city's own content is never touched. */
  seeded: boolean;
  admin: FirstAdmin | undefined;
}

/**
 * Seeds the demo city once: the first admin (when no user exists), the broker "Demo city" with a
 * fresh read key, the public map `da-nang`, the public page `home` and the private page
 * `operations`. Runs only while the CMS has no map view; safe to rerun after an interrupted start
 * (what exists is reused).
 * @example await seedDemo(payload, { brokerUrl, brokerAdminKey, adminEmail, dataDir });
 */
export async function seedDemo(
  payload: Payload,
  options: SeedDemoOptions,
): Promise<SeedDemoResult> {
  const admin = await ensureFirstAdmin(payload, {
    email: options.adminEmail,
    dataDir: options.dataDir,
  });
  const { totalDocs } = await payload.count({ collection: 'map-views', overrideAccess: true });
  if (totalDocs > 0) return { seeded: false, admin };
  if (!options.brokerAdminKey) {
    throw new Error(
      'the demo seed needs the broker admin key to create its read key: set LEGOCITY_DASHBOARD_BROKER_ADMIN_KEY or LEGOCITY_DASHBOARD_BROKER_ADMIN_KEY_FILE',
    );
  }
  const brokerId = await demoBroker(payload, options, options.brokerAdminKey);
  const mapView = await payload.create({
    collection: 'map-views',
    data: {
      ...demoMapView,
      layers: demoMapView.layers.map((layer) => ({ ...layer, broker: brokerId })),
    },
    overrideAccess: true,
  });
  for (const page of [
    demoHomePage(mapView.id, brokerId),
    demoOperationsPage(mapView.id, brokerId),
  ]) {
    const existing = await payload.count({
      collection: 'pages',
      where: { slug: { equals: page.slug } },
      overrideAccess: true,
    });
    if (existing.totalDocs === 0)
      await payload.create({ collection: 'pages', data: page, overrideAccess: true });
  }
  return { seeded: true, admin };
}

async function demoBroker(
  payload: Payload,
  options: SeedDemoOptions,
  adminKey: string,
): Promise<number> {
  const found = await payload.find({
    collection: 'brokers',
    where: { name: { equals: DEMO_BROKER_NAME } },
    limit: 1,
    overrideAccess: true,
  });
  const existing = found.docs[0];
  if (existing) return existing.id;
  const readKey = await createDemoReadKey({
    brokerUrl: options.brokerUrl,
    adminKey,
    tenant: options.tenant,
    ...(options.fetch && { fetch: options.fetch }),
  });
  const broker = await payload.create({
    collection: 'brokers',
    data: {
      name: DEMO_BROKER_NAME,
      url: options.brokerUrl,
      ...(options.tenant && { tenant: options.tenant }),
      readKey,
      adminKey,
    },
    overrideAccess: true,
  });
  return broker.id;
}

export { DEMO_MAP_SLUG };
