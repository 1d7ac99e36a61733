import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrokerAdminError } from './broker-admin-errors.js';
import { callBroker } from './call-broker.js';

describe('callBroker', () => {
  let server: Server;
  let base: string;
  const seen: { url: string; authorization: string | undefined; tenant: string | undefined }[] = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      seen.push({
        url: request.url ?? '',
        authorization: request.headers.authorization,
        tenant: request.headers['ngsild-tenant'] as string | undefined,
      });
      if (request.url?.endsWith('/moved')) {
        response.writeHead(302, { location: 'http://203.0.113.1/steal' }).end();
        return;
      }
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/prefix`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('sends the key as a bearer token and the tenant header below the broker URL', async () => {
    const answer = await callBroker(base, {
      method: 'GET',
      path: '/admin/keys',
      key: 'k',
      tenant: 'city',
    });
    expect(answer).toMatchObject({ status: 200, body: { ok: true } });
    expect(seen.at(-1)).toEqual({
      url: '/prefix/admin/keys',
      authorization: 'Bearer k',
      tenant: 'city',
    });
  });

  it('refuses to follow a redirect, so a key never goes elsewhere', async () => {
    const failure = await callBroker(base, { method: 'GET', path: '/moved', key: 'k' }).catch(
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(BrokerAdminError);
    expect((failure as BrokerAdminError).message).toBe(
      'broker unreachable: it answered a redirect',
    );
  });
});
