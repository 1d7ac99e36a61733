import { API_ROOT } from './client-options.js';

/** Query parameter values as callers give them; undefined ones are left out. */
export type QueryValue = string | number | boolean | readonly string[] | undefined;
export type QueryValues = Record<string, QueryValue>;

/**
 * A path under the API root with every variable part percent-encoded: entity ids are URIs and
 * attribute names may be IRIs, so ':', '/', '#' and '?' must not reach the path raw.
 *
 * @example apiPath('entities', 'urn:ngsi-ld:Device:1') // '/ngsi-ld/v1/entities/urn%3Angsi-ld%3ADevice%3A1'
 */
export function apiPath(resource: string, ...segments: string[]): string {
  const tail = segments.map((segment) => `/${encodeURIComponent(segment)}`).join('');
  return `${API_ROOT}/${resource}${tail}`;
}

/**
 * Build a query string: undefined values dropped, lists joined by commas (the spec's "comma
 * separated list"), booleans as "true"/"false". Spaces become %20 rather than '+': '+' means a
 * space only in form encoding, which not every server applies to a query string.
 *
 * @example queryString({ type: 'Room', attrs: ['a', 'b'], limit: undefined }) // '?type=Room&attrs=a%2Cb'
 */
export function queryString(values: QueryValues | undefined): string {
  if (values === undefined) return '';
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined) continue;
    if (isList(value)) {
      if (value.length > 0) params.set(name, value.join(','));
    } else {
      params.set(name, String(value));
    }
  }
  const text = params.toString().replace(/\+/g, '%20');
  return text === '' ? '' : `?${text}`;
}

function isList(value: QueryValue): value is readonly string[] {
  return Array.isArray(value);
}

/** The absolute URL of a request: base URL (origin + prefix) + path + query string. */
export function requestUrl(baseUrl: string, path: string, query?: QueryValues): string {
  return `${baseUrl}${path}${queryString(query)}`;
}
