import type { Payload } from 'payload';
import { ProxyError, type LayerConfig } from '../../proxy/index.js';
import { readBrokerKeys } from '../../secrets/broker-keys.js';
import type { Broker } from '../../payload-types.js';

/** The broker of a block with its read key, or a ProxyError naming the fix. */
export async function blockBroker(
  payload: Payload,
  broker: number | Broker,
): Promise<LayerConfig['broker']> {
  const keys = await readBrokerKeys(payload, typeof broker === 'object' ? broker.id : broker);
  if (keys.readKey === undefined) {
    throw new ProxyError(
      'BrokerRefused',
      "This block's broker has no read key; an administrator should set one in the admin",
    );
  }
  return { url: keys.url, readKey: keys.readKey, ...(keys.tenant && { tenant: keys.tenant }) };
}
