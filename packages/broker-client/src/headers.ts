import type { JsonValue } from '@legocity/ngsi-ld';
import type { ClientSettings } from './client-options.js';
import { messages } from './messages.js';

const JSON = 'application/json';
const JSON_LD = 'application/ld+json';

/** The Link header that names the @context of a request (JSON-LD 1.1 §6.2, CIM 009 §6.3.5). */
export function contextLink(url: string): string {
  return `<${url}>; rel="http://www.w3.org/ns/json-ld#context"; type="${JSON_LD}"`;
}

export interface HeaderInput {
  body: JsonValue | undefined;
  accept: string;
  /** Send the body as plain JSON without a Link, whatever it holds (e.g. Add @context). */
  isPlainJson: boolean;
}

/**
 * Request headers by ETSI GS CIM 009 v1.9.1 §6.3.4–§6.3.5. A body that carries its own @context
 * goes as application/ld+json WITHOUT a Link header; any other body goes as application/json with
 * the client's Link header. The spec rejects a mix of the two (BadRequestData), so it never happens.
 * Protocol headers are set last so a caller's `headers` option cannot contradict them.
 */
export function requestHeaders(settings: ClientSettings, input: HeaderInput): Headers {
  const headers = new Headers(settings.headers);
  headers.set('Accept', input.accept);
  headers.set('User-Agent', settings.userAgent);
  if (settings.tenant !== undefined) headers.set('NGSILD-Tenant', settings.tenant);
  headers.delete('Link');
  headers.delete('Content-Type');
  const hasBody = input.body !== undefined;
  if (hasBody) headers.set('Content-Type', JSON);
  if (hasBody && input.isPlainJson) return headers;
  if (hasBody && carriesOwnContext(input.body)) {
    headers.set('Content-Type', JSON_LD);
    return headers;
  }
  if (settings.context !== undefined) headers.set('Link', contextLink(settings.context));
  return headers;
}

/**
 * Whether a body brings its own @context: an object with one, or an array whose objects all have
 * one. A batch where only some do cannot be sent either way, so it is refused before sending.
 */
export function carriesOwnContext(body: JsonValue | undefined): boolean {
  if (Array.isArray(body)) {
    const objects = body.filter(isObject);
    const withContext = objects.filter((item) => '@context' in item).length;
    if (withContext > 0 && withContext < objects.length) {
      throw new TypeError(messages.mixedBatchContexts());
    }
    return objects.length > 0 && withContext === objects.length;
  }
  return isObject(body) && '@context' in body;
}

function isObject(value: JsonValue | undefined): value is { [key: string]: JsonValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
