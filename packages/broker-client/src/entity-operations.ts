import { isBrokerError } from './broker-error.js';
import type { ClientSettings } from './client-options.js';
import { expectObject, toBatchResult } from './response-body.js';
import { send } from './transport.js';
import type {
  BatchResult,
  EntityBody,
  EntityOrFeature,
  FragmentBody,
  RepresentationOption,
} from './types.js';
import { apiPath } from './url.js';

export interface CreateEntityResult {
  id: string;
  /** The Location header: the relative path of the created entity. */
  location: string;
  /** Present on 207: the broker forwarded parts to registered sources and some failed. */
  distributed?: BatchResult;
}

export interface RetrieveEntityOptions {
  /** Deprecated by the spec in favour of `pick`, still the only selector older brokers know. */
  attrs?: string[];
  pick?: string[];
  omit?: string[];
  options?: RepresentationOption[];
  type?: string;
  lang?: string;
  /** Ask for a GeoJSON Feature (Accept: application/geo+json). */
  geoJson?: boolean;
  geometryProperty?: string;
}

/** Entity-level operations (ETSI GS CIM 009 v1.9.1 §6.4.3.1, §6.5). */
export function entityOperations(settings: ClientSettings) {
  return {
    /**
     * Create Entity (§6.4.3.1, POST /entities). Not retried unless `retryNonIdempotent` is set; then
     * a 409 AlreadyExists on a retry counts as success, since the lost first attempt may have
     * created the entity.
     * @example const { location } = await client.createEntity({ id: 'urn:ngsi-ld:Room:1', type: 'Room' });
     */
    async createEntity(entity: EntityBody): Promise<CreateEntityResult> {
      try {
        const response = await send(settings, {
          method: 'POST',
          path: apiPath('entities'),
          body: entity,
          isIdempotent: false,
        });
        const location = response.headers.get('Location') ?? apiPath('entities', entity.id);
        const result: CreateEntityResult = { id: entity.id, location };
        if (response.status === 207) result.distributed = toBatchResult(response, [entity.id]);
        return result;
      } catch (error) {
        if (isBrokerError(error) && error.attempts > 1 && error.is('AlreadyExists')) {
          return { id: entity.id, location: apiPath('entities', entity.id) };
        }
        throw error;
      }
    },

    /**
     * Retrieve Entity (§6.5.3.1, GET /entities/{id}).
     * @example const room = await client.retrieveEntity('urn:ngsi-ld:Room:1', { options: ['keyValues'] });
     */
    async retrieveEntity<O extends RetrieveEntityOptions>(
      id: string,
      options?: O,
    ): Promise<EntityOrFeature<O>> {
      const response = await send(settings, {
        method: 'GET',
        path: apiPath('entities', id),
        query: {
          attrs: options?.attrs,
          pick: options?.pick,
          omit: options?.omit,
          options: options?.options,
          type: options?.type,
          lang: options?.lang,
          geometryProperty: options?.geometryProperty,
        },
        accept: options?.geoJson ? 'application/geo+json' : 'application/json',
        isIdempotent: true,
      });
      return expectObject(response) as EntityOrFeature<O>;
    },

    /**
     * Delete Entity (§6.5.3.2, DELETE /entities/{id}).
     * @example await client.deleteEntity('urn:ngsi-ld:Room:1');
     */
    async deleteEntity(id: string, options?: { type?: string }): Promise<BatchResult> {
      const response = await send(settings, {
        method: 'DELETE',
        path: apiPath('entities', id),
        query: { type: options?.type },
        isIdempotent: true,
      });
      return toBatchResult(response, [id]);
    },

    /**
     * Replace Entity (§6.5.3.3, PUT /entities/{id}): the entity becomes exactly `entity`.
     * @example await client.replaceEntity(id, { id, type: 'Room', temperature: { type: 'Property', value: 21 } });
     */
    async replaceEntity(id: string, entity: FragmentBody): Promise<BatchResult> {
      const path = apiPath('entities', id);
      const response = await send(settings, {
        method: 'PUT',
        path,
        body: entity,
        isIdempotent: true,
      });
      return toBatchResult(response, [id]);
    },

    /**
     * Merge Entity (§6.5.3.4, PATCH /entities/{id}): attributes are merged, and an attribute set
     * to "urn:ngsi-ld:null" is deleted.
     * @example await client.mergeEntity(id, { temperature: { type: 'Property', value: 22 } });
     */
    async mergeEntity(id: string, fragment: FragmentBody): Promise<BatchResult> {
      const path = apiPath('entities', id);
      const response = await send(settings, {
        method: 'PATCH',
        path,
        body: fragment,
        isIdempotent: true,
      });
      return toBatchResult(response, [id]);
    },
  };
}
