import type { JsonObject } from '@legocity/ngsi-ld';
import type { ClientSettings } from './client-options.js';
import { expectArray, expectObject, isJsonObject } from './response-body.js';
import { invalidResponse, send, type BrokerResponse } from './transport.js';
import { apiPath } from './url.js';

/** `string[]` of names, or the detailed objects when `details: true` was asked. */
export type NamesOrDetails<O> = O extends { details: true } ? JsonObject[] : string[];

/**
 * Type and attribute discovery (ETSI GS CIM 009 v1.9.1 §6.25–§6.28). Without details the broker
 * answers an EntityTypeList or AttributeList object; the client returns its list of names.
 */
export function discoveryOperations(settings: ClientSettings) {
  async function get(path: string, details?: boolean): Promise<BrokerResponse> {
    return send(settings, { method: 'GET', path, query: { details }, isIdempotent: true });
  }

  return {
    /**
     * Retrieve Available Entity Types (§6.25, GET /types); `details: true` → EntityType objects.
     * @example const types = await client.listTypes(); // ['Room', 'Building']
     */
    async listTypes<O extends { details?: boolean }>(options?: O): Promise<NamesOrDetails<O>> {
      const response = await get(apiPath('types'), options?.details);
      return namesOrDetails(response, 'typeList', options?.details) as NamesOrDetails<O>;
    },

    /**
     * Retrieve Available Entity Type Information (§6.26, GET /types/{type}).
     * @example const info = await client.retrieveType('Room'); // { entityCount, attributeDetails, ... }
     */
    async retrieveType(name: string): Promise<JsonObject> {
      return expectObject(await get(apiPath('types', name)));
    },

    /**
     * Retrieve Available Attributes (§6.27, GET /attributes); `details: true` → Attribute objects.
     * @example const names = await client.listAttributes(); // ['temperature', 'location']
     */
    async listAttributes<O extends { details?: boolean }>(options?: O): Promise<NamesOrDetails<O>> {
      const response = await get(apiPath('attributes'), options?.details);
      return namesOrDetails(response, 'attributeList', options?.details) as NamesOrDetails<O>;
    },

    /**
     * Retrieve Available Attribute Information (§6.28, GET /attributes/{attrId}).
     * @example const info = await client.retrieveAttribute('temperature'); // { attributeCount, typeNames, ... }
     */
    async retrieveAttribute(name: string): Promise<JsonObject> {
      return expectObject(await get(apiPath('attributes', name)));
    },
  };
}

function namesOrDetails(
  response: BrokerResponse,
  listMember: 'typeList' | 'attributeList',
  details: boolean | undefined,
): string[] | JsonObject[] {
  if (details) return expectArray(response).filter(isJsonObject);
  const list = expectObject(response)[listMember];
  if (!Array.isArray(list)) throw invalidResponse(response, `an object with "${listMember}"`);
  return list.filter((item): item is string => typeof item === 'string');
}
