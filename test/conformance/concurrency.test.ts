import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBroker, type TestBroker } from '../../apps/broker/src/testing/test-broker.js';
import { testDrivers } from '../../apps/broker/src/testing/test-database.js';
import { client, entity, entityUrl, geoProperty, point, property, urn } from './builders.js';

describe.each(testDrivers())('Concurrent writers and spatial rows on %s', (driver) => {
  let t: TestBroker;
  beforeAll(async () => {
    t = await startTestBroker(driver);
  });
  afterAll(() => t.close());

  it('loses no update when 30 clients append different attributes to one entity at once', async () => {
    const api = client(t);
    const id = urn('Counter');
    await api.seed(entity(id, 'Counter'));
    const responses = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        api.send('POST', entityUrl(id, '/attrs'), { [`a${i}`]: property(i) }),
      ),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(30).fill(204));
    const stored = await api.stored(id);
    for (let i = 0; i < 30; i += 1) expect(stored[`a${i}`]).toMatchObject({ value: i });
  });

  it('keeps single-entity and batch writers of the same entity from overwriting each other', async () => {
    const api = client(t);
    const id = urn('Counter');
    await api.seed(entity(id, 'Counter'));
    await Promise.all([
      ...Array.from({ length: 10 }, (_, i) =>
        api.send('PATCH', entityUrl(id, '/attrs'), { [`single${i}`]: property(i) }),
      ),
      ...Array.from({ length: 10 }, (_, i) =>
        api.batch('upsert', [{ id, type: 'Counter', [`batch${i}`]: property(i) }], {
          options: 'update',
        }),
      ),
    ]);
    const stored = await api.stored(id);
    for (let i = 0; i < 10; i += 1) {
      expect(stored[`single${i}`]).toMatchObject({ value: i });
      expect(stored[`batch${i}`]).toMatchObject({ value: i });
    }
  });

  it('moves an entity in geo-queries when its location changes, and keeps it when another attribute does', async () => {
    const api = client(t);
    const id = urn('Bus');
    const near = (lon: number, lat: number) =>
      api.ids({
        type: 'Bus',
        georel: 'near;maxDistance==100',
        geometry: 'Point',
        coordinates: JSON.stringify([lon, lat]),
      });
    await api.seed(
      entity(id, 'Bus', { location: geoProperty(point(105.8, 21.0)), speed: property(1) }),
    );
    expect(await near(105.8, 21.0)).toEqual([id]);

    expect((await api.send('PATCH', entityUrl(id, '/attrs'), { speed: property(2) })).status).toBe(
      204,
    );
    expect(await near(105.8, 21.0)).toEqual([id]);

    expect(
      (
        await api.send('PATCH', entityUrl(id, '/attrs'), {
          location: geoProperty(point(106.7, 10.8)),
        })
      ).status,
    ).toBe(204);
    expect(await near(105.8, 21.0)).toEqual([]);
    expect(await near(106.7, 10.8)).toEqual([id]);

    expect((await api.send('DELETE', entityUrl(id, '/attrs/location'))).status).toBe(204);
    expect(await near(106.7, 10.8)).toEqual([]);
  });
});
