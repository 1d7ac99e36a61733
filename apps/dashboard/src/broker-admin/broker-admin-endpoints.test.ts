/**
 * The broker admin endpoints through Payload's REST router (`handleEndpoints`, what
 * /api/[...slug] calls): route matching, the role checks, status codes and headers.
 */
import { handleEndpoints } from 'payload';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDrivers } from '../../../broker/src/testing/test-database.js';
import {
  PASSWORD,
  addBroker,
  startListeningBroker,
  startTestDashboard,
  type ListeningBroker,
  type Role,
  type TestDashboard,
  uniqueName,
} from './broker-admin.test-support.js';

let dashboard: TestDashboard;
const tokens = {} as Record<Role, string>;

beforeAll(async () => {
  dashboard = await startTestDashboard();
  for (const role of ['admin', 'editor', 'viewer'] as const) {
    const { token } = await dashboard.payload.login({
      collection: 'users',
      data: { email: `${role}@broker-admin.test`, password: PASSWORD },
    });
    if (token === undefined) throw new Error(`no token for ${role}`);
    tokens[role] = token;
  }
});
afterAll(async () => {
  await dashboard?.payload.destroy();
});

interface Sent {
  status: number;
  headers: Headers;
  body: Record<string, unknown>;
  text: string;
}

/** Send a request to /api/brokers/… as `role` (or anonymously). */
async function send(
  method: string,
  path: string,
  options: { as?: Role; body?: unknown; raw?: string } = {},
): Promise<Sent> {
  const headers = new Headers({ 'content-type': 'application/json' });
  if (options.as) headers.set('authorization', `JWT ${tokens[options.as]}`);
  const payloadText =
    options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  const response = await handleEndpoints({
    config: dashboard.config,
    request: new Request(`http://localhost/api/brokers${path}`, {
      method,
      headers,
      ...(payloadText !== undefined && { body: payloadText }),
    }),
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: (text === '' ? {} : JSON.parse(text)) as Record<string, unknown>,
    text,
  };
}

describe.each(testDrivers())('broker admin endpoints on %s', (driver) => {
  let broker: ListeningBroker;
  let brokerId: number;
  let secrets: string[];

  beforeAll(async () => {
    broker = await startListeningBroker(driver);
    brokerId = await addBroker(dashboard.payload, {
      name: `endpoints-${driver}`,
      url: broker.address,
      tenant: broker.tenant,
      readKey: broker.readKey,
      adminKey: broker.test.adminKey,
    });
    secrets = [broker.readKey, broker.test.adminKey];
  });
  afterAll(async () => {
    await broker?.test.close();
  });

  const routes = () =>
    [
      ['POST', `/${brokerId}/test-connection`, undefined],
      ['GET', `/${brokerId}/keys`, undefined],
      ['POST', `/${brokerId}/keys`, { name: 'refused', entityTypes: ['Vehicle'] }],
      ['POST', `/${brokerId}/keys/0123456789abcdef/rotate`, {}],
      ['DELETE', `/${brokerId}/keys/0123456789abcdef`, undefined],
    ] as const;

  it('answers 401 to anonymous visitors on every route', async () => {
    for (const [method, path, body] of routes()) {
      const answer = await send(method, path, { body });
      expect(answer.status, `${method} ${path}`).toBe(401);
      expect(answer.headers.get('content-type')).toBe('application/problem+json');
      expect(answer.body.title).toBe('not signed in');
    }
  });

  it('answers 403 to viewers and editors on every route', async () => {
    for (const role of ['viewer', 'editor'] as const) {
      for (const [method, path, body] of routes()) {
        const answer = await send(method, path, { as: role, body });
        expect(answer.status, `${role} ${method} ${path}`).toBe(403);
        expect(answer.body.detail).toBe(
          'Only admins may test broker connections or manage update-server keys',
        );
      }
    }
    const listed = await send('GET', `/${brokerId}/keys`, { as: 'admin' });
    expect((listed.body.keys as { name: string }[]).map((key) => key.name)).not.toContain(
      'refused',
    );
  });

  it('tests the connection for an admin, with no key in the answer', async () => {
    const answer = await send('POST', `/${brokerId}/test-connection`, { as: 'admin' });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('cache-control')).toBe('no-store');
    expect(answer.body).toMatchObject({ brokerId, checks: expect.any(Array) });
    expect((answer.body.checks as { name: string; ok: boolean }[]).map((c) => c.ok)).toEqual([
      true,
      true,
      true,
      true,
    ]);
    for (const secret of secrets) expect(answer.text).not.toContain(secret);
  });

  it('creates a key once (no-store), lists it without its secret, rotates and revokes it', async () => {
    const created = await send('POST', `/${brokerId}/keys`, {
      as: 'admin',
      body: {
        name: uniqueName('parking sensors'),
        entityTypes: ['OffStreetParking'],
        expiresInDays: 90,
      },
    });
    expect(created.status, created.text).toBe(201);
    expect(created.headers.get('cache-control')).toBe('no-store');
    const { id, key } = created.body as { id: string; key: string };
    expect(key).toMatch(/^lgc_[0-9a-f]{16}_/);

    const listed = await send('GET', `/${brokerId}/keys`, { as: 'admin' });
    expect(listed.status).toBe(200);
    expect(listed.text).toContain(id);
    expect(listed.text).not.toContain(key);
    for (const secret of secrets) expect(listed.text).not.toContain(secret);

    const rotated = await send('POST', `/${brokerId}/keys/${id}/rotate`, {
      as: 'admin',
      body: { overlapHours: 2 },
    });
    expect(rotated.status, rotated.text).toBe(200);
    expect(rotated.headers.get('cache-control')).toBe('no-store');
    expect(rotated.body.key).toMatch(new RegExp(`^lgc_${id}_`));
    expect(rotated.body.key).not.toBe(key);

    const revoked = await send('DELETE', `/${brokerId}/keys/${id}`, { as: 'admin' });
    expect(revoked.status, revoked.text).toBe(200);
    expect(revoked.body).toEqual({ id, revoked: true });
  });

  it('answers 400 naming the field for bad input, 404 for an unknown broker', async () => {
    const badJson = await send('POST', `/${brokerId}/keys`, { as: 'admin', raw: '{"name":' });
    expect(badJson.status).toBe(400);
    expect(badJson.body.detail).toBe('body: must be JSON');

    const badName = await send('POST', `/${brokerId}/keys`, {
      as: 'admin',
      body: { name: 'x'.repeat(101), entityTypes: ['Vehicle'] },
    });
    expect(badName.status).toBe(400);
    expect(badName.body.detail).toMatch(/^name: is required: 1–100 characters/);

    const badOverlap = await send('POST', `/${brokerId}/keys/0123456789abcdef/rotate`, {
      as: 'admin',
      body: { overlapHours: 1.5 },
    });
    expect(badOverlap.status).toBe(400);
    expect(badOverlap.body.detail).toMatch(/^overlapHours: must be a whole number of hours/);

    const badKeyId = await send('DELETE', `/${brokerId}/keys/ABC`, { as: 'admin' });
    expect(badKeyId.status).toBe(400);
    expect(badKeyId.body.detail).toBe('keyId: must be 16 hexadecimal characters');

    const badBroker = await send('POST', '/not-a-number/test-connection', { as: 'admin' });
    expect(badBroker.status).toBe(400);
    expect(badBroker.body.detail).toBe('id: must be a broker id (a whole number)');

    const unknown = await send('POST', '/987654/test-connection', { as: 'admin' });
    expect(unknown.status).toBe(404);
    expect(unknown.body.detail).toBe('Broker 987654 does not exist');
  });
});
