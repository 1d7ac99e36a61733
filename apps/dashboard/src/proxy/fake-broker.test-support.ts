import type {
  BrokerClient,
  GeoJsonFeature,
  QueryEntitiesParams,
  QueryResult,
} from '@legocity/broker-client';
import type { LayerConfig } from './layer-config.js';

/** A point feature as the broker sends it for a GeoJSON keyValues query with sysAttrs. */
export function pointFeature(n: number, lon: number, lat: number, modifiedAt?: string) {
  return {
    id: `urn:ngsi-ld:Sensor:${String(n).padStart(6, '0')}`,
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [lon, lat] },
    properties: {
      type: 'Sensor',
      location: { type: 'Point', coordinates: [lon, lat] },
      value: n,
      ...(modifiedAt && { modifiedAt }),
    },
  } satisfies GeoJsonFeature;
}

/** A layer on a fake broker. */
export function testLayer(overrides: Partial<LayerConfig> = {}): LayerConfig {
  return {
    id: 'sensors',
    broker: { url: 'http://broker.invalid:1026', readKey: 'lgc_0000000000000000_secret' },
    entityType: 'Sensor',
    ...overrides,
  };
}

/**
 * An in-memory stand-in for BrokerClient's query methods: limit/offset/count, and an
 * `intersects` Polygon box as geo-query (points only; any other geo-query matches all). Records every call.
 */
export function fakeBroker(features: GeoJsonFeature[]) {
  const calls: QueryEntitiesParams[] = [];
  function matching(params: QueryEntitiesParams): GeoJsonFeature[] {
    if (params.geoQ?.geometry !== 'Polygon') return features; // other geo-queries match all
    const ring = params.geoQ.coordinates as number[][][];
    const [[minLon, minLat], , [maxLon, maxLat]] = ring[0] as [
      [number, number],
      [number, number],
      [number, number],
    ];
    return features.filter((feature) => {
      const [lon, lat] = (feature.geometry as { coordinates: [number, number] }).coordinates;
      return lon >= minLon && lon <= maxLon && lat >= minLat && lat <= maxLat;
    });
  }
  async function queryEntities(params: QueryEntitiesParams): Promise<QueryResult<GeoJsonFeature>> {
    calls.push(params);
    await Promise.resolve();
    const all = matching(params);
    const offset = params.offset ?? 0;
    const entities = all.slice(offset, offset + (params.limit ?? 20));
    return params.count ? { entities, count: all.length } : { entities };
  }
  async function* queryAllEntities(params: QueryEntitiesParams, paging?: { pageSize?: number }) {
    const pageSize = paging?.pageSize ?? 100;
    for (let offset = 0; ; offset += pageSize) {
      const { entities } = await queryEntities({ ...params, limit: pageSize, offset });
      yield* entities;
      if (entities.length < pageSize) return;
    }
  }
  const client = { queryEntities, queryAllEntities } as unknown as BrokerClient;
  return { client, calls, clientFor: () => client };
}
