import { afterEach, describe, expect, it } from 'vitest';
import { PermanentError, RetryableError } from './errors.js';
import { createHttpGet, maxAge } from './http-get.js';
import { sendJson, startFixtureServer } from './http-fixture.test-support.js';

type Fixture = Awaited<ReturnType<typeof startFixtureServer>>;
let fixture: Fixture | undefined;
afterEach(async () => {
  await fixture?.close();
  fixture = undefined;
});

/** A get whose waits are recorded instead of slept. */
function recordingGet(options: Parameters<typeof createHttpGet>[0] = {}) {
  const waits: number[] = [];
  const get = createHttpGet({
    retry: { attempts: 4, baseDelayMs: 100, maxDelayMs: 1_000 },
    random: () => 1,
    sleep: (ms) => {
      waits.push(ms);
      return Promise.resolve();
    },
    ...options,
  });
  return { get, waits };
}

/** Answers with the statuses given in turn, then 200 { ok: true }. */
async function scripted(statuses: number[], headers: Record<string, string> = {}) {
  let call = 0;
  fixture = await startFixtureServer((_request, response) => {
    const status = statuses[call++];
    if (status === undefined) sendJson(response, 200, { ok: true }, headers);
    else sendJson(response, status, { error: status }, headers);
  });
  return fixture;
}

describe('createHttpGet', () => {
  it('returns the parsed JSON body and the TTL from Cache-Control max-age', async () => {
    const server = await scripted([], { 'cache-control': 'public, max-age=60' });
    const { get } = recordingGet();
    const response = await get<{ ok: boolean }>(`${server.url}/data`);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ ok: true });
    expect(response.ttlSeconds).toBe(60);
  });

  it('reads the body as text when asked', async () => {
    const server = await scripted([]);
    const { get } = recordingGet();
    const response = await get<string>(`${server.url}/data`, { as: 'text' });
    expect(response.body).toBe('{"ok":true}');
    expect(response.ttlSeconds).toBeUndefined();
  });

  it('retries 5xx with growing backoff and then succeeds', async () => {
    const server = await scripted([503, 500, 502]);
    const { get, waits } = recordingGet();
    const response = await get(`${server.url}/data`);
    expect(response.body).toEqual({ ok: true });
    expect(server.requests).toHaveLength(4);
    expect(waits).toEqual([100, 200, 400]);
  });

  it('gives up with a RetryableError after the last attempt, naming the URL without secrets', async () => {
    const server = await scripted([503, 503, 503, 503, 503]);
    const { get } = recordingGet();
    const error = await get(`${server.url}/data?appid=s3cret`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RetryableError);
    expect((error as RetryableError).kind).toBe('http-5xx');
    expect((error as Error).message).toContain(`${server.url}/data?appid=***`);
    expect((error as Error).message).not.toContain('s3cret');
    expect(server.requests).toHaveLength(4);
  });

  it('fails at once with a PermanentError on 4xx', async () => {
    const server = await scripted([404]);
    const { get, waits } = recordingGet();
    const error = await get(`${server.url}/missing?token=abc`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PermanentError);
    expect((error as PermanentError).kind).toBe('http-4xx');
    expect((error as Error).message).toBe(`GET ${server.url}/missing?token=*** failed: 404`);
    expect(waits).toEqual([]);
  });

  it('waits as long as a 429 Retry-After asks, capped by maxDelayMs', async () => {
    const server = await scripted([429, 429], { 'retry-after': '0' });
    server.setHandler(
      (() => {
        let call = 0;
        return (_request, response) => {
          call += 1;
          if (call === 1) sendJson(response, 429, {}, { 'retry-after': '0.5x' });
          else if (call === 2) sendJson(response, 429, {}, { 'retry-after': '30' });
          else sendJson(response, 200, { ok: true });
        };
      })(),
    );
    const { get, waits } = recordingGet();
    await get(`${server.url}/data`);
    // Unreadable Retry-After → backoff (100); 30 s → capped at 1 s.
    expect(waits).toEqual([100, 1_000]);
  });

  it('reads a Retry-After HTTP date and reports it when it gives up', async () => {
    const now = Date.parse('2025-01-01T00:00:00Z');
    fixture = await startFixtureServer((_request, response) =>
      sendJson(response, 429, {}, { 'retry-after': 'Wed, 01 Jan 2025 00:00:02 GMT' }),
    );
    const { get, waits } = recordingGet({ retry: { attempts: 2 }, now: () => now });
    const error = await get(`${fixture.url}/data`).catch((e: unknown) => e);
    expect(waits).toEqual([2_000]);
    expect(error).toBeInstanceOf(RetryableError);
    expect((error as RetryableError).kind).toBe('rate-limited');
    expect((error as RetryableError).retryAfterMs).toBe(2_000);
  });

  it('times out an attempt that takes too long and retries it', async () => {
    let call = 0;
    fixture = await startFixtureServer((_request, response) => {
      call += 1;
      if (call === 1) return; // never answers
      sendJson(response, 200, { ok: true });
    });
    const { get, waits } = recordingGet({ timeoutMs: 100 });
    const response = await get(`${fixture.url}/slow`);
    expect(response.body).toEqual({ ok: true });
    expect(waits).toHaveLength(1);
  });

  it('reports a timeout as a RetryableError of kind timeout', async () => {
    fixture = await startFixtureServer(() => undefined);
    const { get } = recordingGet({ timeoutMs: 50, retry: { attempts: 1 } });
    const error = await get(`${fixture.url}/slow`).catch((e: unknown) => e);
    expect((error as RetryableError).kind).toBe('timeout');
  });

  it('reports a refused connection as a network error', async () => {
    const server = await startFixtureServer(() => undefined);
    const url = server.url;
    await server.close();
    const { get } = recordingGet({ retry: { attempts: 2 } });
    const error = await get(`${url}/x?key=secret`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RetryableError);
    expect((error as RetryableError).kind).toBe('network');
    expect((error as Error).message).not.toContain('secret');
  });

  it('fails with a PermanentError of kind parse when the body is not JSON', async () => {
    fixture = await startFixtureServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('{not json');
    });
    const { get } = recordingGet();
    const error = await get(`${fixture.url}/bad`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PermanentError);
    expect((error as PermanentError).kind).toBe('parse');
  });
});

describe('maxAge', () => {
  it('reads max-age and ignores responses that must not be reused', () => {
    expect(maxAge('max-age=30')).toBe(30);
    expect(maxAge('public, max-age=60, must-revalidate')).toBe(60);
    expect(maxAge('no-store, max-age=60')).toBeUndefined();
    expect(maxAge(null)).toBeUndefined();
    expect(maxAge('private')).toBeUndefined();
  });
});
