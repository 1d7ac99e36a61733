import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDrivers } from '../../../broker/src/testing/test-database.js';
import {
  addBroker,
  closedPortUrl,
  startListeningBroker,
  startTestDashboard,
  writeEntity,
  type ListeningBroker,
  type TestDashboard,
  uniqueName,
} from './broker-admin.test-support.js';
import { BrokerAdminError, problemFromError } from './broker-admin-errors.js';
import { createUpdateServerKey } from './create-update-server-key.js';
import { listUpdateServerKeys } from './list-update-server-keys.js';
import { revokeUpdateServerKey } from './revoke-update-server-key.js';
import { rotateUpdateServerKey } from './rotate-update-server-key.js';

let dashboard: TestDashboard;
beforeAll(async () => {
  dashboard = await startTestDashboard();
});
afterAll(async () => {
  await dashboard?.payload.destroy();
});

/** The failure of a promise that must fail, as the admin would see it. */
async function failureOf(promise: Promise<unknown>): Promise<BrokerAdminError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof BrokerAdminError)) throw new Error(`expected a BrokerAdminError`);
  return error;
}

const keyIdOf = (key: string) => key.slice(4, 20);

describe.each(testDrivers())('update-server keys on %s', (driver) => {
  let broker: ListeningBroker;
  let brokerId: number;
  let secrets: string[];

  beforeAll(async () => {
    broker = await startListeningBroker(driver);
    brokerId = await addBroker(dashboard.payload, {
      name: `keys-${driver}`,
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

  function expectNoKey(value: unknown, more: string[] = []): void {
    const text = JSON.stringify(value);
    for (const secret of [...secrets, ...more]) expect(text).not.toContain(secret);
  }

  it('creates, lists, rotates and revokes a key that writes only its entity types', async () => {
    const name = uniqueName('weather station');
    const created = await createUpdateServerKey(dashboard.payload, brokerId, {
      name,
      entityTypes: ['WeatherObserved', 'WeatherObserved'],
    });
    expect(created).toMatchObject({
      name,
      status: 'active',
      scopes: [{ access: 'write', tenants: [broker.tenant], entityTypes: ['WeatherObserved'] }],
      expiresAt: null,
    });
    expect(created.key).toMatch(new RegExp(`^lgc_${created.id}_`));
    expectNoKey(created);

    const listed = await listUpdateServerKeys(dashboard.payload, brokerId);
    const mine = listed.find((key) => key.id === created.id);
    expect(mine).toMatchObject({ name: created.name, status: 'active' });
    expect(mine).not.toHaveProperty('key');
    expect(listed.map((key) => key.id)).not.toContain(keyIdOf(broker.readKey));
    expect(listed.map((key) => key.id)).not.toContain(keyIdOf(broker.test.adminKey));
    expectNoKey(listed, [created.key]);

    expect(await writeEntity(broker, created.key, 'WeatherObserved')).toBe(201);
    expect(await writeEntity(broker, created.key, 'Vehicle')).toBe(403);

    const rotated = await rotateUpdateServerKey(dashboard.payload, brokerId, created.id, {
      overlapHours: 1,
    });
    expect(rotated.id).toBe(created.id);
    expect(rotated.key).not.toBe(created.key);
    expect(Date.parse(rotated.previousSecretValidUntil ?? '')).toBeGreaterThan(Date.now());
    expectNoKey(rotated, [created.key]);
    expect(await writeEntity(broker, rotated.key, 'WeatherObserved')).toBe(201);
    expect(await writeEntity(broker, created.key, 'WeatherObserved')).toBe(201);

    const revoked = await revokeUpdateServerKey(dashboard.payload, brokerId, created.id);
    expect(revoked).toEqual({ id: created.id, revoked: true });
    expect(await writeEntity(broker, rotated.key, 'WeatherObserved')).toBe(401);
    expect(await writeEntity(broker, created.key, 'WeatherObserved')).toBe(401);
    const after = await listUpdateServerKeys(dashboard.payload, brokerId);
    expect(after.find((key) => key.id === created.id)?.status).toBe('revoked');

    const again = await failureOf(
      rotateUpdateServerKey(dashboard.payload, brokerId, created.id, {}),
    );
    expect(again).toMatchObject({ kind: 'KeyRevoked', status: 409 });
  });

  it('rotates with no overlap: the old key stops at once', async () => {
    const created = await createUpdateServerKey(dashboard.payload, brokerId, {
      name: uniqueName('no overlap'),
      entityTypes: ['Vehicle'],
    });
    const rotated = await rotateUpdateServerKey(dashboard.payload, brokerId, created.id, {
      overlapHours: 0,
    });
    expect(await writeEntity(broker, created.key, 'Vehicle')).toBe(401);
    expect(await writeEntity(broker, rotated.key, 'Vehicle')).toBe(201);
  });

  it('sets the expiry from expiresInDays and the tenant from the request', async () => {
    const created = await createUpdateServerKey(
      dashboard.payload,
      brokerId,
      {
        name: uniqueName('expiring'),
        entityTypes: ['Vehicle'],
        tenant: 'other-city',
        expiresInDays: 30,
      },
      { now: () => new Date('2030-01-01T00:00:00Z') },
    );
    expect(created.expiresAt).toBe('2030-01-31T00:00:00.000Z');
    expect(created.scopes).toEqual([
      { access: 'write', tenants: ['other-city'], entityTypes: ['Vehicle'] },
    ]);
  });

  it('refuses to rotate or revoke the dashboard read key or the admin key', async () => {
    for (const key of [broker.readKey, broker.test.adminKey]) {
      const rotate = await failureOf(
        rotateUpdateServerKey(dashboard.payload, brokerId, keyIdOf(key), {}),
      );
      expect(rotate).toMatchObject({ kind: 'NotUpdateServerKey', status: 409 });
      const revoke = await failureOf(
        revokeUpdateServerKey(dashboard.payload, brokerId, keyIdOf(key)),
      );
      expect(revoke).toMatchObject({ kind: 'NotUpdateServerKey', status: 409 });
    }
    const check = await broker.test.request('GET', '/ngsi-ld/v1/types', {
      headers: { authorization: `Bearer ${broker.readKey}`, 'ngsild-tenant': broker.tenant },
    });
    expect(check.status).not.toBe(401);
  });

  it('answers 404 for a key the broker does not know, 400 for a malformed id', async () => {
    const unknown = await failureOf(
      revokeUpdateServerKey(dashboard.payload, brokerId, '0123456789abcdef'),
    );
    expect(unknown).toMatchObject({ kind: 'UnknownKey', status: 404 });
    const pasted = await failureOf(
      revokeUpdateServerKey(dashboard.payload, brokerId, broker.readKey),
    );
    expect(pasted).toMatchObject({ kind: 'InvalidRequest', status: 400 });
    expect(pasted.message).toBe('keyId: must be 16 hexadecimal characters');
    expectNoKey(problemFromError(pasted));
  });

  it('reports a broker that refuses the stored admin key without naming it', async () => {
    const id = await addBroker(dashboard.payload, {
      name: `read-as-admin-${driver}`,
      url: broker.address,
      tenant: broker.tenant,
      adminKey: broker.readKey,
    });
    const refused = await failureOf(listUpdateServerKeys(dashboard.payload, id));
    expect(refused).toMatchObject({ kind: 'BrokerRefused', status: 502 });
    expect(refused.message).toBe('broker refused: the admin key lacks the admin scope (403)');
    expectNoKey(problemFromError(refused));
  });

  it('reports a stopped broker as unreachable', async () => {
    const id = await addBroker(dashboard.payload, {
      name: `stopped-keys-${driver}`,
      url: await closedPortUrl(),
      adminKey: broker.test.adminKey,
    });
    const down = await failureOf(
      createUpdateServerKey(dashboard.payload, id, { name: 'x', entityTypes: ['Vehicle'] }),
    );
    expect(down).toMatchObject({ kind: 'BrokerUnreachable', status: 502 });
    expect(down.message).toBe('broker unreachable: connection refused');
    expectNoKey(problemFromError(down));
  });
});

describe('update-server keys', () => {
  it('refuses invalid input, naming every field and rule, before calling the broker', async () => {
    const id = await addBroker(dashboard.payload, {
      name: 'never-called',
      url: 'http://127.0.0.1:9',
      adminKey: `lgc_0123456789abcdef_${'y'.repeat(43)}`,
    });
    const failure = await failureOf(
      createUpdateServerKey(
        dashboard.payload,
        id,
        { name: '', entityTypes: ['Weather Observed'], expiresInDays: 0, scopes: [] },
        {
          fetchImpl: () => {
            throw new Error('the broker must not be called');
          },
        },
      ),
    );
    expect(failure.kind).toBe('InvalidRequest');
    expect(failure.problems.map((problem) => problem.field)).toEqual([
      'scopes',
      'name',
      'entityTypes[0]',
      'expiresInDays',
    ]);
    expect(failure.message).toContain(
      'expiresInDays: must be a whole number of days from 1 to 3650',
    );
  });

  it('answers 409 when the broker has no admin key', async () => {
    const id = await addBroker(dashboard.payload, { name: 'no-admin', url: 'http://127.0.0.1:9' });
    const failure = await failureOf(listUpdateServerKeys(dashboard.payload, id));
    expect(failure).toMatchObject({ kind: 'BrokerNotConfigured', status: 409 });
  });
});
