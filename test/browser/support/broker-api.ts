/**
 * The broker calls the browser tests make, as an update server would: a write key made with the
 * admin key, entities written with it (core @context, default tenant — as the demo city).
 */

export interface BrokerWriter {
  /** Create or fully replace an entity (normalized NGSI-LD). */
  put(entity: Record<string, unknown>): Promise<void>;
  /** Set some attributes of an entity (`PATCH …/attrs`). */
  patch(entityId: string, attributes: Record<string, unknown>): Promise<void>;
}

/**
 * A write key on the default tenant for these entity types, and a writer that uses it.
 * @example const writer = await brokerWriter(platform, ['AirQualityObserved']);
 */
export async function brokerWriter(
  { brokerUrl, adminKey }: { brokerUrl: string; adminKey: string },
  entityTypes: string[],
): Promise<BrokerWriter> {
  const response = await fetch(`${brokerUrl}/admin/keys`, {
    method: 'POST',
    headers: { authorization: `Bearer ${adminKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      name: `browser-test-${Date.now()}`,
      scopes: [{ access: 'write', tenants: ['default'], entityTypes }],
    }),
  });
  if (response.status !== 201)
    throw new Error(`POST /admin/keys answered ${response.status}: ${await response.text()}`);
  const { key } = (await response.json()) as { key: string };
  const headers = { authorization: `Bearer ${key}`, 'content-type': 'application/json' };
  const entities = `${brokerUrl}/ngsi-ld/v1/entities`;
  return {
    async put(entity) {
      const id = encodeURIComponent(String(entity.id));
      await fetch(`${entities}/${id}`, { method: 'DELETE', headers }).then((r) => r.arrayBuffer());
      const created = await fetch(entities, {
        method: 'POST',
        headers,
        body: JSON.stringify(entity),
      });
      if (created.status !== 201)
        throw new Error(
          `POST ${String(entity.id)} answered ${created.status}: ${await created.text()}`,
        );
    },
    async patch(entityId, attributes) {
      const patched = await fetch(`${entities}/${encodeURIComponent(entityId)}/attrs`, {
        method: 'PATCH',
        headers,
        body: JSON.stringify(attributes),
      });
      if (patched.status !== 204)
        throw new Error(`PATCH ${entityId} answered ${patched.status}: ${await patched.text()}`);
    },
  };
}

/**
 * An air-quality station as the demo city writes one (normalized), at a given place.
 * @example airQualityStation('urn:ngsi-ld:AirQualityObserved:test-1', 'Test', [108.2, 16.05])
 */
export function airQualityStation(
  id: string,
  name: string,
  [lon, lat]: [number, number],
): Record<string, unknown> {
  return {
    id,
    type: 'AirQualityObserved',
    name: { type: 'Property', value: name },
    pm25: { type: 'Property', value: 12.5, unitCode: 'GQ' },
    dataProvider: { type: 'Property', value: 'LegoCity browser tests' },
    location: { type: 'GeoProperty', value: { type: 'Point', coordinates: [lon, lat] } },
  };
}
