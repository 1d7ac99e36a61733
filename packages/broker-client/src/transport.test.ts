import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BrokerError } from './broker-error.js';
import { parseClientOptions, type BrokerClientOptions, type RetryEvent } from './client-options.js';
import {
  problem,
  startScriptedBroker,
  type ScriptedBroker,
} from './scripted-broker.test-support.js';
import { send } from './transport.js';

const SECRET = 'Bearer s3cret-token';
let broker: ScriptedBroker;

beforeEach(async () => {
  broker = await startScriptedBroker();
});
afterEach(async () => {
  await broker.close();
});

function settings(options: Partial<BrokerClientOptions> = {}) {
  return parseClientOptions({
    baseUrl: broker.url,
    headers: { Authorization: SECRET },
    retry: { attempts: 3, baseDelayMs: 1, maxDelayMs: 20 },
    ...options,
  });
}

const get = { method: 'GET', path: '/ngsi-ld/v1/types', isIdempotent: true } as const;
const create = {
  method: 'POST',
  path: '/ngsi-ld/v1/entities',
  body: { id: 'urn:x', type: 'X' },
  isIdempotent: false,
} as const;

async function failure(promise: Promise<unknown>): Promise<BrokerError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(BrokerError);
  return error as BrokerError;
}

describe('send', () => {
  it('retries a 503 with backoff and returns the answer that follows', async () => {
    const events: RetryEvent[] = [];
    broker.reply({ status: 503 }, { status: 503 }, { status: 200, body: { typeList: [] } });
    const response = await send(settings({ onRetry: (event) => events.push(event) }), get);
    expect(response.status).toBe(200);
    expect(response.attempts).toBe(3);
    expect(broker.requests).toHaveLength(3);
    expect(events.map((event) => [event.attempt, event.reason])).toEqual([
      [1, '503'],
      [2, '503'],
    ]);
    expect(events.every((event) => event.delayMs <= 2)).toBe(true);
  });

  it('honours Retry-After on a 429, capped by maxDelayMs', async () => {
    const events: RetryEvent[] = [];
    broker.reply({ status: 429, headers: { 'Retry-After': '30' } }, { status: 204 });
    const response = await send(settings({ onRetry: (event) => events.push(event) }), get);
    expect(response.status).toBe(204);
    expect(events).toEqual([expect.objectContaining({ reason: '429', delayMs: 20 })]);
  });

  it('gives up after the last attempt and says how many were made', async () => {
    broker.otherwise(() => ({ status: 502 }));
    const error = await failure(send(settings(), get));
    expect(error.status).toBe(502);
    expect(error.attempts).toBe(3);
    expect(error.message).toBe('GET /ngsi-ld/v1/types failed: 502 Bad Gateway (after 3 attempts)');
  });

  it('does not retry a 500: an internal error is a bug, not a hiccup', async () => {
    broker.reply(
      { status: 500, body: problem('InternalError', 'boom', 500) },
      { status: 200, body: {} },
    );
    const error = await failure(send(settings(), get));
    expect(error.status).toBe(500);
    expect(broker.requests).toHaveLength(1);
  });

  it('does not retry a create unless the client opted in', async () => {
    broker.otherwise(() => ({ status: 503 }));
    await failure(send(settings(), create));
    expect(broker.requests).toHaveLength(1);
    await failure(send(settings({ retryNonIdempotent: true }), create));
    expect(broker.requests).toHaveLength(4);
  });

  it('turns a ProblemDetails into a BrokerError that names method, path, type and detail', async () => {
    const body = problem('AlreadyExists', 'Entity urn:ngsi-ld:X:1 already exists', 409);
    broker.reply({ status: 409, body });
    const error = await failure(send(settings(), create));
    expect(error.message).toBe(
      'POST /ngsi-ld/v1/entities failed: 409 AlreadyExists — Entity urn:ngsi-ld:X:1 already exists',
    );
    expect(error).toMatchObject({
      status: 409,
      method: 'POST',
      path: '/ngsi-ld/v1/entities',
      reason: 'http',
    });
    expect(error.problem).toEqual(body);
    expect(error.detail).toBe('Entity urn:ngsi-ld:X:1 already exists');
  });

  it('times out a slow answer with status 0 and retries it', async () => {
    broker.reply({ status: 200, body: {}, delayMs: 300 }, { status: 200, body: { ok: true } });
    const response = await send(settings({ timeoutMs: 50 }), get);
    expect(response.body).toEqual({ ok: true });

    broker.otherwise(() => ({ status: 200, body: {}, delayMs: 300 }));
    const error = await failure(send(settings({ timeoutMs: 50, retry: { attempts: 1 } }), get));
    expect(error).toMatchObject({ status: 0, reason: 'timeout' });
    expect(error.message).toBe('GET /ngsi-ld/v1/types failed: no response within 50 ms');
    expect(error.cause).toBeDefined();
  });

  it('reports an unreachable broker with status 0 and the connection error code', async () => {
    const url = broker.url;
    await broker.close();
    const unreachable = parseClientOptions({
      baseUrl: url,
      retry: { attempts: 2, baseDelayMs: 1 },
    });
    const error = await failure(send(unreachable, get));
    expect(error).toMatchObject({ status: 0, reason: 'network', attempts: 2 });
    expect(error.message).toMatch(/^GET \/ngsi-ld\/v1\/types failed: no response \(ECONNREFUSED\)/);
    broker = await startScriptedBroker();
  });

  it('keeps header values and query strings out of error messages', async () => {
    broker.otherwise(() => ({ status: 401, body: { type: 'about:blank', title: 'Unauthorized' } }));
    const request = { ...get, query: { apiKey: 'q-s3cret' } };
    const error = await failure(send(settings(), request));
    expect(error.message).toBe('GET /ngsi-ld/v1/types failed: 401 Unauthorized');
    const everything = JSON.stringify({ ...error, message: error.message, stack: error.stack });
    expect(everything).not.toContain('s3cret');
    expect(broker.requests[0]?.headers.authorization).toBe(SECRET);
  });

  it('reports a redirect rather than following it with another method', async () => {
    broker.reply({ status: 302, headers: { Location: '/elsewhere' } });
    const error = await failure(send(settings(), create));
    expect(error.status).toBe(302);
    expect(broker.requests).toHaveLength(1);
  });
});
