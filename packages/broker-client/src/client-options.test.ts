import { describe, expect, it } from 'vitest';
import { DEFAULT_RETRY, DEFAULT_TIMEOUT_MS, parseClientOptions } from './client-options.js';

describe('parseClientOptions', () => {
  it('fills defaults for everything but the base URL', () => {
    const settings = parseClientOptions({ baseUrl: 'http://localhost:1026' });
    expect(settings.baseUrl).toBe('http://localhost:1026');
    expect(settings.timeoutMs).toBe(DEFAULT_TIMEOUT_MS);
    expect(settings.retry).toEqual(DEFAULT_RETRY);
    expect(settings.retryNonIdempotent).toBe(false);
  });

  it('merges a partial retry policy into the default one', () => {
    const settings = parseClientOptions({ baseUrl: 'http://b', retry: { attempts: 1 } });
    expect(settings.retry).toEqual({ ...DEFAULT_RETRY, attempts: 1 });
  });

  it('accepts a base URL that already ends in the API root', () => {
    const settings = parseClientOptions({ baseUrl: 'https://gw.example/broker/ngsi-ld/v1/' });
    expect(settings.baseUrl).toBe('https://gw.example/broker');
  });

  it('reports every invalid option at once', () => {
    const attempt = () =>
      parseClientOptions({
        baseUrl: 'localhost:1026',
        context: 'not a url',
        timeoutMs: 0,
        retry: { attempts: 0, baseDelayMs: 10, maxDelayMs: 5 },
        tenant: ' ',
      });
    expect(attempt).toThrow(TypeError);
    expect(attempt).toThrow(
      /baseUrl.*tenant.*context.*timeoutMs.*retry\.attempts.*retry\.maxDelayMs/,
    );
  });

  it('refuses credentials in the base URL without echoing them', () => {
    const attempt = () => parseClientOptions({ baseUrl: 'http://admin:s3cret@broker:1026' });
    expect(attempt).toThrow(/must not hold credentials/);
    expect(attempt).not.toThrow(/s3cret/);
  });

  it('sends an apiKey as a Bearer Authorization header', () => {
    const settings = parseClientOptions({
      baseUrl: 'http://localhost:1026',
      apiKey: 'lgc_abc_s3cret',
    });
    expect(settings.headers.Authorization).toBe('Bearer lgc_abc_s3cret');
  });

  it('refuses an apiKey with spaces or next to an Authorization header, without echoing it', () => {
    const withSpace = () =>
      parseClientOptions({ baseUrl: 'http://localhost:1026', apiKey: 'two words' });
    expect(withSpace).toThrow(/apiKey must be non-empty printable text/);
    expect(withSpace).not.toThrow(/two words/);
    const both = () =>
      parseClientOptions({
        baseUrl: 'http://localhost:1026',
        apiKey: 'k',
        headers: { authorization: 'Bearer other' },
      });
    expect(both).toThrow(/apiKey and headers.Authorization cannot both be given/);
  });

  it('refuses an invalid header without echoing its value', () => {
    const attempt = () =>
      parseClientOptions({
        baseUrl: 'http://b',
        headers: { Authorization: 'Bearer s3cret\r\nX-Injected: 1' },
      });
    expect(attempt).toThrow(/headers must hold valid/);
    expect(attempt).not.toThrow(/s3cret/);
  });
});
