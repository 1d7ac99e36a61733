import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stampNewEntity, type Entity } from '@legocity/ngsi-ld';
import { openTestDatabase, testDrivers, uniqueTenant } from '../testing/test-database.js';
import { TenantRegistry } from '../tenants/tenant-registry.js';
import type { Database } from './database.js';
import { EntityRepository } from './entity-repository.js';
import { loadMigrations, migrateGlobal } from './migrate.js';

const NOW = '2024-05-01T10:00:00.000Z';
const LOCATION = 'https://uri.etsi.org/ngsi-ld/location';

function station(n: number, lon = 105.8, lat = 21.0): Entity {
  return stampNewEntity(
    {
      id: `urn:ngsi-ld:WeatherObserved:${n}`,
      type: ['https://smartdatamodels.org/dataModel.Weather/WeatherObserved'],
      attributes: {
        'https://smartdatamodels.org/temperature': [{ type: 'Property', value: 20 + n }],
        [LOCATION]: [{ type: 'GeoProperty', value: { type: 'Point', coordinates: [lon, lat] } }],
      },
    },
    NOW,
  );
}

describe.each(testDrivers())('storage contract on %s', (driver) => {
  let db: Database;
  let tenants: TenantRegistry;

  beforeAll(async () => {
    db = await openTestDatabase(driver);
    tenants = new TenantRegistry(db, await loadMigrations('tenant'));
  });
  afterAll(async () => {
    await db.close();
  });

  it('applies migrations once and records them', async () => {
    expect(await migrateGlobal(db, await loadMigrations('global'))).toBe(0);
  });

  it('answers NonexistentTenant for a read of a tenant never written to', async () => {
    await expect(tenants.forRead(uniqueTenant())).rejects.toMatchObject({
      errorType: 'NonexistentTenant',
    });
  });

  it('round-trips an entity exactly, timestamps as ISO strings', async () => {
    const tenant = await tenants.forWrite(uniqueTenant());
    const repository = new EntityRepository(tenant.schema);
    const entity = station(1);
    const inserted = await db.transaction((tx) => repository.insert(tx, [entity]));
    expect([...inserted]).toEqual([entity.id]);
    expect((await repository.get(db, [entity.id])).get(entity.id)).toEqual(entity);
  });

  it('does not insert an entity whose id exists', async () => {
    const tenant = await tenants.forWrite(uniqueTenant());
    const repository = new EntityRepository(tenant.schema);
    await db.transaction((tx) => repository.insert(tx, [station(1)]));
    const again = await db.transaction((tx) => repository.insert(tx, [station(1), station(2)]));
    expect([...again]).toEqual([station(2).id]);
  });

  it('keeps one spatial row per GeoProperty instance through updates and deletes', async () => {
    const tenant = await tenants.forWrite(uniqueTenant());
    const repository = new EntityRepository(tenant.schema);
    const geoRows = async () =>
      (await db.query<{ n: number }>(`select count(*)::int as n from ${repository.geoTable}`))
        .rows[0]?.n;
    await db.transaction((tx) => repository.insert(tx, [station(1), station(2)]));
    expect(await geoRows()).toBe(2);

    const moved = station(1, 106, 10);
    await db.transaction(async (tx) => {
      const locked = await repository.lock(tx, [moved.id]);
      await repository.update(tx, [moved], locked);
    });
    const { rows } = await db.query<{ x: number }>(
      `select public.ST_X(geom) as x from ${repository.geoTable} where entity_id = $1`,
      [moved.id],
    );
    expect(rows).toEqual([{ x: 106 }]);

    await db.transaction((tx) => repository.delete(tx, [moved.id]));
    expect(await geoRows()).toBe(1);
  });

  it('isolates tenants from each other', async () => {
    const a = await tenants.forWrite(uniqueTenant('a'));
    const b = await tenants.forWrite(uniqueTenant('b'));
    await db.transaction((tx) => new EntityRepository(a.schema).insert(tx, [station(7)]));
    expect((await new EntityRepository(b.schema).get(db, [station(7).id])).size).toBe(0);
    expect(a.schema).not.toBe(b.schema);
  });

  it('finds a tenant created by another process sharing the database', async () => {
    const name = uniqueTenant();
    await tenants.forWrite(name);
    const other = new TenantRegistry(db, await loadMigrations('tenant'));
    await expect(other.forRead(name)).resolves.toMatchObject({ name });
  });

  it('writes a batch of 1000 entities in one statement', async () => {
    const tenant = await tenants.forWrite(uniqueTenant());
    const repository = new EntityRepository(tenant.schema);
    const batch = Array.from({ length: 1000 }, (_, i) => station(i, 100 + (i % 10), 10 + (i % 7)));
    const inserted = await db.transaction((tx) => repository.insert(tx, batch));
    expect(inserted.size).toBe(1000);
  });
});
