import type { JsonObject, JsonValue } from '@legocity/ngsi-ld';
import type { ClientSettings } from './client-options.js';
import { expectArray, expectObject, isJsonObject } from './response-body.js';
import { invalidResponse, send } from './transport.js';
import { apiPath } from './url.js';

/** Kinds of stored @contexts (§6.29.3.2). */
export type ContextKind = 'Cached' | 'Hosted' | 'ImplicitlyCreated';

/** `string[]` of URLs, or metadata objects when `details: true` was asked. */
export type UrlsOrDetails<O> = O extends { details: true } ? JsonObject[] : string[];

/** @context management (ETSI GS CIM 009 v1.9.1 §6.29, §6.30). */
export function contextOperations(settings: ClientSettings) {
  return {
    /**
     * Add @context (§6.29.3.1, POST /jsonldContexts): the broker hosts it and answers its URL,
     * which is returned absolute, ready for `withContext`. Not retried unless
     * `retryNonIdempotent` is set: a repeat could store the context twice.
     * @example const url = await client.addContext({ '@context': { Room: 'https://example.org/Room' } });
     */
    async addContext(document: { '@context': JsonValue }): Promise<string> {
      const response = await send(settings, {
        method: 'POST',
        path: apiPath('jsonldContexts'),
        body: document,
        // The body is the @context itself, not a document to expand with one.
        isPlainJson: true,
        isIdempotent: false,
      });
      const location = response.headers.get('Location');
      if (!location) throw invalidResponse(response, 'accompanied by a Location header');
      return absoluteUrl(settings.baseUrl, location);
    },

    /**
     * List @contexts (§6.29.3.2, GET /jsonldContexts).
     * @example const hosted = await client.listContexts({ kind: 'Hosted' });
     */
    async listContexts<O extends { details?: boolean; kind?: ContextKind }>(
      options?: O,
    ): Promise<UrlsOrDetails<O>> {
      const response = await send(settings, {
        method: 'GET',
        path: apiPath('jsonldContexts'),
        query: { details: options?.details, kind: options?.kind },
        isIdempotent: true,
      });
      const list = expectArray(response);
      return (
        options?.details
          ? list.filter(isJsonObject)
          : list.filter((item): item is string => typeof item === 'string')
      ) as UrlsOrDetails<O>;
    },

    /**
     * Serve @context (§6.30.3.1, GET /jsonldContexts/{id}): the document, or its metadata.
     * @example const doc = await client.getContext('a1b2c3'); // { '@context': { ... } }
     */
    async getContext(id: string, options?: { details?: boolean }): Promise<JsonObject> {
      const response = await send(settings, {
        method: 'GET',
        path: apiPath('jsonldContexts', id),
        query: { details: options?.details },
        accept: 'application/json, application/ld+json',
        isIdempotent: true,
      });
      return expectObject(response);
    },

    /**
     * Delete and Reload @context (§6.30.3.2, DELETE /jsonldContexts/{id}); `reload` downloads a
     * cached context again instead of dropping it.
     * @example await client.deleteContext('a1b2c3');
     */
    async deleteContext(id: string, options?: { reload?: boolean }): Promise<void> {
      await send(settings, {
        method: 'DELETE',
        path: apiPath('jsonldContexts', id),
        query: { reload: options?.reload },
        isIdempotent: true,
      });
    },
  };
}

/**
 * A Location made absolute. The spec gives a path relative to the broker root, which is our base
 * URL (prefix included when the broker sits behind a proxy path).
 */
function absoluteUrl(baseUrl: string, location: string): string {
  if (URL.canParse(location)) return location;
  if (location.startsWith('/')) return `${baseUrl}${location}`;
  return new URL(location, `${baseUrl}${apiPath('jsonldContexts')}/`).href;
}
