import { NgsiLdError } from '@legocity/ngsi-ld';

export const JSON_LD_CONTEXT_REL = 'http://www.w3.org/ns/json-ld#context';

/**
 * The @context URL of a Link header (§6.3.5): `<url>; rel="http://www.w3.org/ns/json-ld#context"`.
 * More than one context link is a BadRequestData error; other links are ignored.
 * @example contextFromLinkHeader('<https://x/ctx.jsonld>; rel="http://www.w3.org/ns/json-ld#context"')
 */
export function contextFromLinkHeader(header: string | string[] | undefined): string | undefined {
  if (header === undefined) return undefined;
  const values = Array.isArray(header) ? header : [header];
  const found: string[] = [];
  for (const link of values.flatMap(splitLinks)) {
    const match = /^\s*<([^>]*)>(.*)$/.exec(link);
    if (!match) throw badLink('each link must look like <URL>; rel="…"');
    const [, url = '', params = ''] = match;
    const rel = /;\s*rel\s*=\s*"?([^";]+)"?/i.exec(params)?.[1];
    if (rel?.trim() === JSON_LD_CONTEXT_REL) found.push(url.trim());
  }
  if (found.length > 1) throw badLink('only one JSON-LD @context link is allowed');
  const url = found[0];
  if (url !== undefined && !/^[a-z][a-z0-9+.-]*:\/\/\S+$/i.test(url))
    throw badLink(`'${url}' is not an absolute URL`);
  return url;
}

/**
 * The Link header value announcing the @context of an application/json response.
 * @example formatContextLink('https://uri.etsi.org/ngsi-ld/v1/ngsi-ld-core-context-v1.8.jsonld')
 */
export function formatContextLink(url: string): string {
  return `<${url}>; rel="${JSON_LD_CONTEXT_REL}"; type="application/ld+json"`;
}

function splitLinks(value: string): string[] {
  // Commas separate links, but may also appear inside <…>.
  return value.split(/,(?=\s*<)/);
}

function badLink(rule: string): NgsiLdError {
  return new NgsiLdError('BadRequestData', `Link header is invalid: ${rule}`, { field: 'Link' });
}
