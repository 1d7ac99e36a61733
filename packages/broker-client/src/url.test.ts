import { describe, expect, it } from 'vitest';
import { apiPath, queryString, requestUrl } from './url.js';

describe('apiPath', () => {
  it('percent-encodes entity ids and attribute IRIs in path segments', () => {
    expect(apiPath('entities', 'urn:ngsi-ld:Room:1/a?b#c')).toBe(
      '/ngsi-ld/v1/entities/urn%3Angsi-ld%3ARoom%3A1%2Fa%3Fb%23c',
    );
    expect(apiPath('entities', 'urn:x', 'attrs', 'https://schema.org/name')).toBe(
      '/ngsi-ld/v1/entities/urn%3Ax/attrs/https%3A%2F%2Fschema.org%2Fname',
    );
  });
});

describe('queryString', () => {
  it('leaves out undefined values and empty lists', () => {
    expect(queryString({ type: 'Room', limit: undefined, attrs: [] })).toBe('?type=Room');
    expect(queryString({ limit: undefined })).toBe('');
  });

  it('joins lists with commas and writes numbers and booleans as text', () => {
    const text = queryString({ options: ['keyValues', 'sysAttrs'], limit: 20, count: true });
    expect(new URLSearchParams(text).get('options')).toBe('keyValues,sysAttrs');
    expect(text).toContain('limit=20');
    expect(text).toContain('count=true');
  });

  it('encodes spaces as %20 and keeps a literal plus distinct', () => {
    expect(queryString({ q: 'name=="a b+c"' })).toBe('?q=name%3D%3D%22a%20b%2Bc%22');
  });
});

describe('requestUrl', () => {
  it('keeps a path prefix of the base URL', () => {
    expect(requestUrl('https://gw.example/broker', '/ngsi-ld/v1/types', { details: true })).toBe(
      'https://gw.example/broker/ngsi-ld/v1/types?details=true',
    );
  });
});
