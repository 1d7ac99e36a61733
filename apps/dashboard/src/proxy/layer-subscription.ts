import { createHash } from 'node:crypto';
import { BrokerError } from '@legocity/broker-client';
import type { JsonObject, JsonValue } from '@legocity/ngsi-ld';
import { geometryPropertyOf, type LayerConfig } from './layer-config.js';

/** The receiverInfo header that carries a subscription's secret token to the notify endpoint. */
export const NOTIFY_TOKEN_HEADER = 'X-LegoCity-Notify-Token';

const SUBSCRIPTIONS = '/ngsi-ld/v1/subscriptions';

/**
 * The one subscription id of a layer on a notify URL: stable across restarts, so restarting the
 * dashboard updates its subscription instead of adding another.
 * @example layerSubscriptionId(layer, 'http://dashboard:3000/api/notify') // 'urn:ngsi-ld:Subscription:legocity-dashboard-3f…'
 */
export function layerSubscriptionId(layer: LayerConfig, notifyUrl: string): string {
  const digest = createHash('sha256')
    .update(JSON.stringify([layer.id, layer.broker.tenant ?? '', notifyUrl]))
    .digest('hex')
    .slice(0, 32);
  return `urn:ngsi-ld:Subscription:legocity-dashboard-${digest}`;
}

/**
 * The Subscription (ETSI GS CIM 009 v1.8.1 §5.2.12) for a layer: its entity type, q and
 * geo-query, notifying `notifyUrl` in keyValues with system attributes, the token in a header.
 * @example layerSubscription(layer, id, notifyUrl, token).notification.endpoint.uri // notifyUrl
 */
export function layerSubscription(
  layer: LayerConfig,
  id: string,
  notifyUrl: string,
  token: string,
): JsonObject {
  const geometryProperty = geometryPropertyOf(layer);
  const { geo } = layer;
  return {
    id,
    type: 'Subscription',
    subscriptionName: `legocity-dashboard layer ${layer.id}`,
    entities: [{ type: layer.entityType }],
    ...(layer.q !== undefined && { q: layer.q }),
    ...(geo && {
      geoQ: {
        georel: geo.georel,
        geometry: geo.geometry,
        coordinates:
          typeof geo.coordinates === 'string'
            ? (JSON.parse(geo.coordinates) as JsonValue)
            : geo.coordinates,
        ...(geo.geoproperty && { geoproperty: geo.geoproperty }),
      },
    }),
    notification: {
      format: 'keyValues',
      sysAttrs: true,
      ...(layer.attributes && {
        attributes: [...new Set([...layer.attributes, geometryProperty])],
      }),
      endpoint: {
        uri: notifyUrl,
        accept: 'application/json',
        receiverInfo: [{ key: NOTIFY_TOKEN_HEADER, value: token }],
      },
    },
  };
}

/**
 * Create the subscription (§6.10.3.1), or, when its id already exists, update it in place
 * (§6.11.3.2) with the new token and filters. Failures are BrokerErrors without URL or key.
 * @example await upsertSubscription(layer, body, { timeoutMs: 5000 });
 */
export async function upsertSubscription(
  layer: LayerConfig,
  subscription: JsonObject,
  options: { timeoutMs: number; fetch?: typeof fetch },
): Promise<void> {
  const created = await send(layer, 'POST', SUBSCRIPTIONS, subscription, options);
  if (created.status !== 409) return;
  const { id, type: _type, ...fragment } = subscription;
  const path = `${SUBSCRIPTIONS}/${encodeURIComponent(typeof id === 'string' ? id : '')}`;
  await send(layer, 'PATCH', path, fragment, options);
}

async function send(
  layer: LayerConfig,
  method: string,
  path: string,
  body: JsonObject,
  options: { timeoutMs: number; fetch?: typeof fetch },
): Promise<Response> {
  const headers: Record<string, string> = {
    authorization: `Bearer ${layer.broker.readKey}`,
    'content-type': 'application/json',
    'user-agent': 'legocity-dashboard',
  };
  if (layer.broker.tenant) headers['ngsild-tenant'] = layer.broker.tenant;
  const url = `${layer.broker.url.replace(/\/+$/, '').replace(/\/ngsi-ld\/v1$/, '')}${path}`;
  const init = { method, path, attempts: 1 };
  let response: Response;
  try {
    response = await (options.fetch ?? fetch)(url, {
      method,
      headers,
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(options.timeoutMs),
    });
  } catch (cause) {
    const isTimeout = cause instanceof DOMException && cause.name === 'TimeoutError';
    const reason = isTimeout ? 'timeout' : 'network';
    throw new BrokerError(`${method} ${path} failed: ${reason}`, {
      ...init,
      reason,
      status: 0,
      cause,
    });
  }
  await response.body?.cancel();
  if (response.ok || (method === 'POST' && response.status === 409)) return response;
  throw new BrokerError(`${method} ${path} answered ${response.status}`, {
    ...init,
    reason: 'http',
    status: response.status,
  });
}
