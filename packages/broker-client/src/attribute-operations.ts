import type { ClientSettings } from './client-options.js';
import { toUpdateResult } from './response-body.js';
import { send } from './transport.js';
import type { FragmentBody, UpdateResult } from './types.js';
import { apiPath } from './url.js';

/** Members of a fragment that are not attributes, so never reported as updated. */
const NOT_ATTRIBUTES = new Set(['id', '@id', 'type', '@type', 'scope', '@context']);

function attributeNames(fragment: FragmentBody): string[] {
  return Object.keys(fragment).filter((name) => !NOT_ATTRIBUTES.has(name));
}

/**
 * Attribute operations (ETSI GS CIM 009 v1.9.1 §6.6, §6.7). All answer an UpdateResult: on 204 it
 * lists every attribute sent as updated; on 207 it is the broker's own. Append is treated as
 * idempotent and retried: appending the same attributes again leaves the same entity.
 */
export function attributeOperations(settings: ClientSettings) {
  return {
    /**
     * Append Attributes (§6.6.3.1, POST /entities/{id}/attrs); `noOverwrite` keeps existing ones.
     * @example await client.appendAttributes(id, { humidity: { type: 'Property', value: 40 } }, { noOverwrite: true });
     */
    async appendAttributes(
      id: string,
      fragment: FragmentBody,
      options?: { noOverwrite?: boolean },
    ): Promise<UpdateResult> {
      const response = await send(settings, {
        method: 'POST',
        path: apiPath('entities', id, 'attrs'),
        query: { options: options?.noOverwrite ? ['noOverwrite'] : undefined },
        body: fragment,
        isIdempotent: true,
      });
      return toUpdateResult(response, attributeNames(fragment));
    },

    /**
     * Update Attributes (§6.6.3.2, PATCH /entities/{id}/attrs): only existing attributes change.
     * @example await client.updateAttributes(id, { temperature: { type: 'Property', value: 23 } });
     */
    async updateAttributes(id: string, fragment: FragmentBody): Promise<UpdateResult> {
      const path = apiPath('entities', id, 'attrs');
      const response = await send(settings, {
        method: 'PATCH',
        path,
        body: fragment,
        isIdempotent: true,
      });
      return toUpdateResult(response, attributeNames(fragment));
    },

    /**
     * Partial Attribute Update (§6.7.3.1, PATCH /entities/{id}/attrs/{attr}).
     * @example await client.partialUpdateAttribute(id, 'temperature', { value: 24 });
     */
    async partialUpdateAttribute(
      id: string,
      attr: string,
      fragment: FragmentBody,
    ): Promise<UpdateResult> {
      const path = apiPath('entities', id, 'attrs', attr);
      const response = await send(settings, {
        method: 'PATCH',
        path,
        body: fragment,
        isIdempotent: true,
      });
      return toUpdateResult(response, [attr]);
    },

    /**
     * Replace Attribute (§6.7.3.3, PUT /entities/{id}/attrs/{attr}).
     * @example await client.replaceAttribute(id, 'temperature', { type: 'Property', value: 25 });
     */
    async replaceAttribute(
      id: string,
      attr: string,
      attribute: FragmentBody,
    ): Promise<UpdateResult> {
      const path = apiPath('entities', id, 'attrs', attr);
      const response = await send(settings, {
        method: 'PUT',
        path,
        body: attribute,
        isIdempotent: true,
      });
      return toUpdateResult(response, [attr]);
    },

    /**
     * Delete Attribute (§6.7.3.2, DELETE /entities/{id}/attrs/{attr}): the default instance, the
     * one with `datasetId`, or all instances with `deleteAll`.
     * @example await client.deleteAttribute(id, 'temperature', { deleteAll: true });
     */
    async deleteAttribute(
      id: string,
      attr: string,
      options?: { datasetId?: string; deleteAll?: boolean; type?: string },
    ): Promise<UpdateResult> {
      const response = await send(settings, {
        method: 'DELETE',
        path: apiPath('entities', id, 'attrs', attr),
        query: {
          datasetId: options?.datasetId,
          deleteAll: options?.deleteAll,
          type: options?.type,
        },
        isIdempotent: true,
      });
      return toUpdateResult(response, [attr]);
    },
  };
}
