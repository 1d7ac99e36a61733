import { describe, expect, it } from 'vitest';
import { parseClientOptions } from './client-options.js';
import { carriesOwnContext, requestHeaders } from './headers.js';

const CONTEXT = 'https://example.org/ctx.jsonld';
const settings = parseClientOptions({
  baseUrl: 'http://broker',
  context: CONTEXT,
  tenant: 'city',
  headers: { Authorization: 'Bearer t', 'Content-Type': 'text/plain', Link: '<x>' },
});

describe('requestHeaders', () => {
  it('sends the Link header and no Content-Type on a request without a body', () => {
    const headers = requestHeaders(settings, {
      body: undefined,
      accept: 'application/json',
      isPlainJson: false,
    });
    expect(headers.get('Link')).toBe(
      `<${CONTEXT}>; rel="http://www.w3.org/ns/json-ld#context"; type="application/ld+json"`,
    );
    expect(headers.get('Content-Type')).toBeNull();
    expect(headers.get('NGSILD-Tenant')).toBe('city');
    expect(headers.get('Authorization')).toBe('Bearer t');
  });

  it('sends application/json with a Link for a body without @context', () => {
    const headers = requestHeaders(settings, {
      body: { id: 'x' },
      accept: 'application/json',
      isPlainJson: false,
    });
    expect(headers.get('Content-Type')).toBe('application/json');
    expect(headers.get('Link')).toContain(CONTEXT);
  });

  it('sends application/ld+json and no Link for a body with its own @context', () => {
    const body = { id: 'x', '@context': 'https://other.example/ctx.jsonld' };
    const headers = requestHeaders(settings, {
      body,
      accept: 'application/json',
      isPlainJson: false,
    });
    expect(headers.get('Content-Type')).toBe('application/ld+json');
    expect(headers.get('Link')).toBeNull();
  });

  it('sends a plain JSON body without a Link when asked to', () => {
    const body = { '@context': { a: 'https://a.example/' } };
    const headers = requestHeaders(settings, {
      body,
      accept: 'application/json',
      isPlainJson: true,
    });
    expect(headers.get('Content-Type')).toBe('application/json');
    expect(headers.get('Link')).toBeNull();
  });
});

describe('carriesOwnContext', () => {
  it('is true for a batch whose entities all carry @context', () => {
    expect(carriesOwnContext([{ '@context': 'a' }, { '@context': 'b' }])).toBe(true);
    expect(carriesOwnContext([{ id: 'a' }, { id: 'b' }])).toBe(false);
    expect(carriesOwnContext(['urn:a', 'urn:b'])).toBe(false);
  });

  it('refuses a batch where only some entities carry @context', () => {
    expect(() => carriesOwnContext([{ '@context': 'a' }, { id: 'b' }])).toThrow(/all carry/);
  });
});
