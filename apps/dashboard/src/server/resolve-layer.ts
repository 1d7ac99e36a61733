import type { Payload } from 'payload';
import type { MapView } from '../payload-types.js';
import { ProxyError, type LayerConfig, type LayerGeoFilter } from '../proxy/index.js';
import { readBrokerKeys } from '../secrets/broker-keys.js';
import type { Reader } from '../site/load-views.js';

type MapLayer = NonNullable<MapView['layers']>[number];

/** A configured layer the reader may read, with what the routes need to answer for it. */
export interface ResolvedLayer {
  /** The proxy's view: broker URL, tenant and read key included (server side only). */
  config: LayerConfig;
  /** Whether the map view is public: its answers may be cached by shared caches. */
  isPublic: boolean;
  refresh: 'interval' | 'live';
}

/** Layer ids are Payload row ids: 24 hex digits (an ObjectId). Anything else is not looked up. */
const LAYER_ID = /^[0-9a-f]{24}$/;

/**
 * The layer with this row id, if its map view is readable by `reader` (anonymous: public views
 * only). Unknown, unreadable and malformed ids all resolve to undefined (→ 404), so nothing can be
 * learned about private views. A broker without a read key is a ProxyError naming the fix.
 * @example const layer = await resolveLayer(payload, '65f0c0ffee0123456789abcd', null);
 */
export async function resolveLayer(
  payload: Payload,
  layerId: string,
  reader: Reader,
): Promise<ResolvedLayer | undefined> {
  if (!LAYER_ID.test(layerId)) return undefined;
  const found = await payload.find({
    collection: 'map-views',
    where: { 'layers.id': { equals: layerId } },
    limit: 1,
    depth: 0,
    overrideAccess: false,
    user: reader,
  });
  const view = found.docs[0];
  const layer = view?.layers?.find((candidate) => candidate.id === layerId);
  if (!view || !layer) return undefined;
  const brokerId = typeof layer.broker === 'object' ? layer.broker.id : layer.broker;
  const keys = await readBrokerKeys(payload, brokerId);
  if (keys.readKey === undefined) {
    throw new ProxyError(
      'BrokerRefused',
      "This layer's broker has no read key; an administrator should set one in the admin",
    );
  }
  return {
    config: {
      id: layerId,
      broker: { url: keys.url, readKey: keys.readKey, ...(keys.tenant && { tenant: keys.tenant }) },
      entityType: layer.entityType,
      ...(layer.q && { q: layer.q }),
      ...geoFilterOf(layer),
    },
    isPublic: view.public === true,
    refresh: layer.refresh,
  };
}

function geoFilterOf(layer: MapLayer): { geo?: LayerGeoFilter } {
  const geo = layer.geoQuery;
  if (!geo?.georel || !geo.geometry || geo.coordinates === null || geo.coordinates === undefined)
    return {};
  const { coordinates } = geo;
  return {
    geo: {
      georel: geo.georel,
      geometry: geo.geometry,
      coordinates: typeof coordinates === 'string' ? coordinates : JSON.stringify(coordinates),
    },
  };
}
