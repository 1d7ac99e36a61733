import type { ClientSettings } from './client-options.js';
import { toBatchResult } from './response-body.js';
import { send, type BrokerRequest } from './transport.js';
import type { BatchResult, EntityBody } from './types.js';
import { apiPath, type QueryValues } from './url.js';

/**
 * Batch operations (ETSI GS CIM 009 v1.9.1 §6.14–§6.17, §6.31). Every one answers a BatchResult,
 * whether the broker said 201, 204 or 207: a 207 is a result to inspect, not an error. An empty
 * list sends nothing. Splitting large lists to a broker's batch limit is the caller's job.
 */
export function batchOperations(settings: ClientSettings) {
  async function run(
    operation: string,
    body: EntityBody[] | string[],
    options: { query?: QueryValues; isIdempotent: boolean },
  ): Promise<BatchResult> {
    if (body.length === 0) return { success: [], errors: [] };
    const ids = body.map((item) => (typeof item === 'string' ? item : item.id));
    const request: BrokerRequest = {
      method: 'POST',
      path: apiPath('entityOperations', operation),
      query: options.query,
      body,
      isIdempotent: options.isIdempotent,
    };
    const response = await send(settings, request);
    const isRetriedCreate = operation === 'create' && response.attempts > 1;
    return toBatchResult(response, ids, { isRetriedCreate });
  }

  return {
    /**
     * Batch Entity Creation (§6.14). Not retried unless `retryNonIdempotent` is set; then, on a
     * retry, AlreadyExists errors count as successes (the lost first attempt may have created them).
     * @example const { success, errors } = await client.createEntities([room1, room2]);
     */
    async createEntities(entities: EntityBody[]): Promise<BatchResult> {
      return run('create', entities, { isIdempotent: false });
    },

    /**
     * Batch Entity Creation or Update (§6.15). `mode: 'update'` merges into existing entities;
     * the spec's default, `replace`, replaces them.
     * @example await client.upsertEntities(readings, { mode: 'update' });
     */
    async upsertEntities(
      entities: EntityBody[],
      options?: { mode?: 'update' | 'replace' },
    ): Promise<BatchResult> {
      const query = { options: options?.mode };
      return run('upsert', entities, { query, isIdempotent: true });
    },

    /**
     * Batch Entity Update (§6.16): attributes of existing entities; `noOverwrite` only adds.
     * @example await client.updateEntities(fragments, { noOverwrite: true });
     */
    async updateEntities(
      entities: EntityBody[],
      options?: { noOverwrite?: boolean },
    ): Promise<BatchResult> {
      const query = { options: options?.noOverwrite ? 'noOverwrite' : undefined };
      return run('update', entities, { query, isIdempotent: true });
    },

    /**
     * Batch Entity Delete (§6.17). Ids that did not exist come back in `errors`.
     * @example await client.deleteEntities(['urn:ngsi-ld:Room:1', 'urn:ngsi-ld:Room:2']);
     */
    async deleteEntities(ids: string[]): Promise<BatchResult> {
      return run('delete', ids, { isIdempotent: true });
    },

    /**
     * Batch Entity Merge (§6.31): Merge Entity applied to each entity of the list.
     * @example await client.mergeEntities([{ id, type: 'Room', temperature: { type: 'Property', value: 20 } }]);
     */
    async mergeEntities(entities: EntityBody[]): Promise<BatchResult> {
      return run('merge', entities, { isIdempotent: true });
    },
  };
}
