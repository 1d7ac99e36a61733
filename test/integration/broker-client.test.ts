/**
 * @legocity/broker-client against the LegoCity broker over real HTTP, on every storage driver:
 * what update servers, the CMS and the CLI will rely on.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBrokerClient, isBrokerError, type BrokerClient } from '@legocity/broker-client';
import { startTestBroker, type TestBroker } from '../../apps/broker/src/testing/test-broker.js';
import { testDrivers, uniqueTenant } from '../../apps/broker/src/testing/test-database.js';

const station = (n: number) => ({
  id: `urn:ngsi-ld:WeatherObserved:client-${n}`,
  type: 'WeatherObserved',
  temperature: { type: 'Property', value: 10 + (n % 30), unitCode: 'CEL' },
  location: {
    type: 'GeoProperty',
    value: { type: 'Point', coordinates: [105.8 + n / 10_000, 21.0] },
  },
});

describe.each(testDrivers())('broker-client against the broker on %s', (driver) => {
  let broker: TestBroker;
  let client: BrokerClient;
  let address: string;

  beforeAll(async () => {
    broker = await startTestBroker(driver);
    address = await broker.broker.app.listen({ port: 0, host: '127.0.0.1' });
    client = createBrokerClient({
      baseUrl: address,
      apiKey: broker.adminKey,
      tenant: uniqueTenant('client'),
      retry: { attempts: 2, baseDelayMs: 10, maxDelayMs: 50 },
    });
  });
  afterAll(async () => {
    await broker.close();
  });

  it('creates, retrieves and deletes an entity', async () => {
    const created = await client.createEntity(station(1));
    expect(created.id).toBe(station(1).id);
    const entity = await client.retrieveEntity(station(1).id, { options: ['keyValues'] });
    expect(entity).toMatchObject({ id: station(1).id, type: 'WeatherObserved', temperature: 11 });
    await client.deleteEntity(station(1).id);
    await expect(client.retrieveEntity(station(1).id)).rejects.toSatisfy(
      (error: unknown) => isBrokerError(error) && error.status === 404,
    );
  });

  it('reports an existing id as a 409 BrokerError with the ProblemDetails', async () => {
    await client.createEntity(station(2));
    const failure = await client.createEntity(station(2)).catch((error: unknown) => error);
    expect(isBrokerError(failure) && failure.status).toBe(409);
    expect(isBrokerError(failure) && failure.problem?.type).toBe(
      'https://uri.etsi.org/ngsi-ld/errors/AlreadyExists',
    );
  });

  it('upserts 1000 entities in one batch and pages through all of them in order', async () => {
    const batch = Array.from({ length: 1000 }, (_, i) => station(1000 + i));
    const result = await client.upsertEntities(batch, { mode: 'update' });
    expect(result.errors).toEqual([]);
    const seen: string[] = [];
    for await (const entity of client.queryAllEntities(
      { type: 'WeatherObserved', idPattern: 'client-1\\d{3}$' },
      { pageSize: 300 },
    )) {
      seen.push((entity as { id: string }).id);
    }
    expect(seen).toHaveLength(1000);
    expect([...seen].sort()).toEqual(seen);
  });

  it('counts matches of a query with q and a geo-query', async () => {
    const { count } = await client.queryEntities({
      type: 'WeatherObserved',
      q: 'temperature>=35',
      geoQ: { georel: 'near;maxDistance==50000', geometry: 'Point', coordinates: [105.85, 21.0] },
      count: true,
      limit: 0,
    });
    expect(count).toBeGreaterThan(0);
  });

  it('reports a request without an API key as a 401 BrokerError', async () => {
    const anonymous = createBrokerClient({ baseUrl: address, retry: { attempts: 1 } });
    const failure = await anonymous
      .queryEntities({ type: 'Room' })
      .catch((error: unknown) => error);
    expect(isBrokerError(failure) && failure.status).toBe(401);
  });

  it('lists the entity types', async () => {
    expect(await client.listTypes()).toContain('WeatherObserved');
  });
});
