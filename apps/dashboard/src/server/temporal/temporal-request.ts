import type { LayerBroker } from '../../proxy/index.js';
import { ProxyError } from '../../proxy/index.js';

const TEMPORAL = '/ngsi-ld/v1/temporal/entities';
/** Per temporal request, in milliseconds (aggregations over a day of history take longer). */
export const TEMPORAL_TIMEOUT_MS = 15_000;

/** A temporal answer: the JSON body and the count the broker reported, when asked. */
export interface TemporalAnswer {
  body: unknown;
  count: number | undefined;
}

/**
 * GET a temporal resource of the broker with the layer's read key and tenant: `entityId` →
 * /temporal/entities/{id}, else the query /temporal/entities. Failures are ProxyErrors that say
 * what went wrong without the broker's URL, key or message.
 * @example await temporalRequest(broker, { attrs: 'pm25', lastN: '10' }, 'urn:ngsi-ld:X:1')
 */
export async function temporalRequest(
  broker: LayerBroker,
  params: Record<string, string>,
  entityId?: string,
  fetchImpl: typeof fetch = fetch,
): Promise<TemporalAnswer> {
  const path = entityId === undefined ? TEMPORAL : `${TEMPORAL}/${encodeURIComponent(entityId)}`;
  const url = new URL(path, broker.url);
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  const headers: Record<string, string> = {
    accept: 'application/json',
    authorization: `Bearer ${broker.readKey}`,
    'user-agent': 'legocity-dashboard',
  };
  if (broker.tenant !== undefined) headers['NGSILD-Tenant'] = broker.tenant;
  let response: Response;
  try {
    response = await fetchImpl(url, { headers, signal: AbortSignal.timeout(TEMPORAL_TIMEOUT_MS) });
  } catch (error) {
    const isTimeout = error instanceof Error && error.name === 'TimeoutError';
    throw isTimeout
      ? new ProxyError('BrokerTimeout', 'The data source did not answer in time; try again later')
      : new ProxyError('BrokerUnreachable', 'The data source cannot be reached; try again later');
  }
  if (response.status === 404 && entityId !== undefined) {
    await response.body?.cancel();
    throw new ProxyError('UnknownEntity', 'This entity has no history in this layer');
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw response.status >= 400 && response.status < 500 && response.status !== 429
      ? new ProxyError(
          'BrokerRefused',
          `The data source refused the history query (status ${response.status}); an administrator should check the layer and its broker key`,
        )
      : new ProxyError('BrokerFailed', 'The data source failed to answer; try again later');
  }
  const count = response.headers.get('ngsild-results-count');
  return { body: await response.json(), count: count === null ? undefined : Number(count) };
}
