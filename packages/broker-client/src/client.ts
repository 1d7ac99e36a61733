import { attributeOperations } from './attribute-operations.js';
import { batchOperations } from './batch-operations.js';
import {
  checkContext,
  checkTenant,
  parseClientOptions,
  refuseProblems,
  type BrokerClientOptions,
  type ClientSettings,
} from './client-options.js';
import { contextOperations } from './contexts.js';
import { discoveryOperations } from './discovery.js';
import { entityOperations } from './entity-operations.js';
import { healthOperations } from './health.js';
import { queryOperations } from './query-entities.js';

/** Variants of a client that share its fetch, headers, timeout and retry policy. */
export interface ClientVariants {
  /** A client for another tenant (NGSILD-Tenant header). */
  withTenant(tenant: string | undefined): BrokerClient;
  /** A client that sends another @context Link (undefined → the core context only). */
  withContext(context: string | undefined): BrokerClient;
  /** The broker origin (and path prefix) this client talks to, without "/ngsi-ld/v1". */
  readonly baseUrl: string;
  readonly tenant: string | undefined;
  readonly context: string | undefined;
}

export type BrokerClient = ReturnType<typeof entityOperations> &
  ReturnType<typeof attributeOperations> &
  ReturnType<typeof batchOperations> &
  ReturnType<typeof queryOperations> &
  ReturnType<typeof discoveryOperations> &
  ReturnType<typeof contextOperations> &
  ReturnType<typeof healthOperations> &
  ClientVariants;

/**
 * A typed NGSI-LD client for any broker that follows the HTTP binding of ETSI GS CIM 009 (§6):
 * LegoCity's, Orion-LD, Stellio, Scorpio. Options are checked at once, every problem listed.
 *
 * @example
 * const client = createBrokerClient({ baseUrl: 'http://localhost:1026', context: 'https://example.org/ctx.jsonld' });
 * await client.upsertEntities([{ id: 'urn:ngsi-ld:Room:1', type: 'Room' }]);
 * const { entities } = await client.queryEntities({ type: 'Room', limit: 10 });
 */
export function createBrokerClient(options: BrokerClientOptions): BrokerClient {
  return clientFor(parseClientOptions(options));
}

function clientFor(settings: ClientSettings): BrokerClient {
  return {
    ...entityOperations(settings),
    ...attributeOperations(settings),
    ...batchOperations(settings),
    ...queryOperations(settings),
    ...discoveryOperations(settings),
    ...contextOperations(settings),
    ...healthOperations(settings),
    baseUrl: settings.baseUrl,
    tenant: settings.tenant,
    context: settings.context,
    withTenant(tenant) {
      const problems: string[] = [];
      if (tenant !== undefined) checkTenant(tenant, problems);
      refuseProblems(problems);
      return clientFor({ ...settings, tenant });
    },
    withContext(context) {
      const problems: string[] = [];
      if (context !== undefined) checkContext(context, problems);
      refuseProblems(problems);
      return clientFor({ ...settings, context });
    },
  };
}
