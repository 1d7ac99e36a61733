import { NgsiLdError, type ContextDefinition, type JsonObject } from '@legocity/ngsi-ld';
import { contextFromLinkHeader } from './link-header.js';
import { JSON_LD, mediaTypeOf } from './media-types.js';

export interface ContextSource {
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
}

/**
 * Where the @context of a request comes from (§6.3.5). `perItem` is true for application/ld+json
 * arrays (batch bodies): each item carries its own "@context" (see itemContext).
 */
export interface RequestContext {
  definition: ContextDefinition | undefined;
  perItem: boolean;
}

/**
 * The @context of a request: application/ld+json bodies carry it as "@context" (and may not also
 * send a Link header); otherwise it is the Link header's, or undefined for the core only.
 * @example const { definition } = requestContext({ headers, body })
 */
export function requestContext(request: ContextSource): RequestContext {
  const link = contextFromLinkHeader(request.headers.link);
  const contentType = mediaTypeOf(headerValue(request.headers['content-type']));
  const hasBody = request.body !== undefined && request.body !== null;
  if (!hasBody || contentType !== JSON_LD) {
    if (hasBody && containsContext(request.body)) {
      throw new NgsiLdError(
        'BadRequestData',
        'A body with "@context" must be sent as Content-Type application/ld+json (with application/json, send the context in a Link header)',
        { field: '@context' },
      );
    }
    return { definition: link, perItem: false };
  }
  if (link !== undefined) {
    throw new NgsiLdError(
      'BadRequestData',
      'A Link header with a JSON-LD @context is not allowed with Content-Type application/ld+json: put the context in the body',
      { field: 'Link' },
    );
  }
  if (Array.isArray(request.body)) return { definition: undefined, perItem: true };
  return { definition: itemContext(request.body, '@context'), perItem: false };
}

/**
 * The "@context" member of one application/ld+json item; BadRequestData when it is missing.
 * @example itemContext(body[3], '[3].@context')
 */
export function itemContext(item: unknown, field: string): ContextDefinition {
  const context = (item as JsonObject | null)?.['@context'];
  if (context === undefined || context === null) {
    throw new NgsiLdError(
      'BadRequestData',
      'Content-Type application/ld+json requires "@context" in the body',
      {
        field,
      },
    );
  }
  return context as ContextDefinition;
}

function containsContext(body: unknown): boolean {
  const items = Array.isArray(body) ? body : [body];
  return items.some((item) => typeof item === 'object' && item !== null && '@context' in item);
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
