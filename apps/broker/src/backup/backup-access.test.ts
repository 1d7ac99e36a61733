import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBroker, type TestBroker } from '../testing/test-broker.js';
import { testDrivers, uniqueTenant } from '../testing/test-database.js';
import { ENTITIES, NDJSON_HEADERS, expectStatus } from './backup.test-support.js';

const ROUTES: [string, string][] = [
  ['GET', '/admin/backup'],
  ['GET', '/admin/backup/summary'],
  ['POST', '/admin/restore'],
];

describe.each(testDrivers())('backup and restore need the admin scope, on %s', (driver) => {
  let t: TestBroker;
  let readKey: string;
  let writeKey: string;

  beforeAll(async () => {
    t = await startTestBroker(driver);
    const key = async (scopes: unknown[]) =>
      (
        (
          await expectStatus(t, 201, 'POST', '/admin/keys', {
            body: { name: uniqueTenant('k'), scopes },
          })
        ).body as { key: string }
      ).key;
    readKey = await key([{ access: 'read', tenants: ['*'] }]);
    writeKey = await key([{ access: 'write', tenants: ['*'], entityTypes: ['*'] }]);
  });
  afterAll(() => t.close());

  it('answers 401 without a key', async () => {
    for (const [method, url] of ROUTES) {
      const response = await t.request(method, url, {
        anonymous: true,
        headers: NDJSON_HEADERS,
        payload: '{}\n',
      });
      expect(response.status, `${method} ${url}`).toBe(401);
      expect(response.headers['www-authenticate']).toBe('Bearer');
    }
  });

  it('answers 403 to read and write keys', async () => {
    for (const key of [readKey, writeKey]) {
      for (const [method, url] of ROUTES) {
        const response = await t.request(method, url, {
          headers: { ...NDJSON_HEADERS, authorization: `Bearer ${key}` },
          payload: '{}\n',
        });
        expect(response.status, `${method} ${url}`).toBe(403);
        expect((response.body as { detail: string }).detail).toMatch(/needs the admin scope/);
      }
    }
  });

  it('refuses NDJSON on every other route with 415', async () => {
    const response = await t.request('POST', ENTITIES, {
      headers: NDJSON_HEADERS,
      payload: '{}\n',
    });
    expect(response.status, response.text).toBe(415);
    expect((response.body as { detail: string }).detail).toMatch(
      /only accepted by POST \/admin\/restore/,
    );
  });
});
