import { fileURLToPath } from 'node:url';
import { getPayload, type Payload } from 'payload';
import { expect } from 'vitest';
import { createPayloadConfig } from './create-payload-config.js';

const srcDir = fileURLToPath(new URL('..', import.meta.url));

/**
 * Open the CMS on an empty database WITHOUT schema push, apply the committed migrations (what
 * `prodMigrations` does at a production start-up), and check the schema serves the collections.
 */
export async function checkCommittedMigrations(
  databaseUrl: string,
  dataDir: string,
): Promise<Payload> {
  const config = createPayloadConfig({
    databaseUrl,
    dataDir,
    secret: 'migration-test-secret-0123456789abcdef',
    srcDir,
    push: false,
  });
  const payload = await getPayload({ config });
  const db = payload.db as unknown as {
    prodMigrations?: unknown[];
    migrate(args: { migrations?: unknown[] }): Promise<void>;
  };
  expect(db.prodMigrations?.length ?? 0).toBeGreaterThan(0);
  await db.migrate({ migrations: db.prodMigrations });

  const admin = await payload.create({
    collection: 'users',
    data: { email: 'admin@example.test', password: 'correct horse battery', roles: ['admin'] },
  });
  await payload.create({
    collection: 'map-views',
    data: {
      title: 'City',
      slug: 'city',
      public: true,
      centre: { lon: 108.22, lat: 16.05, zoom: 12 },
      basemapStyle: 'offline',
      layers: [],
    },
    user: { ...admin, collection: 'users' },
    overrideAccess: false,
  });
  const anonymous = await payload.find({
    collection: 'map-views',
    where: { slug: { equals: 'city' } },
    overrideAccess: false,
  });
  expect(anonymous.docs.map((doc) => doc.title)).toEqual(['City']);
  const applied = await payload.find({ collection: 'payload-migrations', limit: 100 });
  expect(applied.docs.length).toBeGreaterThan(0);
  return payload;
}
