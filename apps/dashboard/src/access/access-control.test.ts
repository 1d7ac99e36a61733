import { getPayload, type Payload, type PayloadRequest } from 'payload';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPayloadConfig } from '../payload/create-payload-config.js';
import { readBrokerKeys } from '../secrets/broker-keys.js';
import { createSecretBox } from '../secrets/secret-box.js';

const srcDir = fileURLToPath(new URL('..', import.meta.url));
const SECRET = 'test-secret-not-for-production-0123456789';
const READ_KEY = 'lgc_0123456789abcdef_read-key-plaintext-value-aaaaaaaaaaaaaaaaa';
const ADMIN_KEY = 'lgc_fedcba9876543210_admin-key-plaintext-value-bbbbbbbbbbbbbbbbb';

type User = NonNullable<PayloadRequest['user']>;

let payload: Payload;
const users: Record<'admin' | 'editor' | 'viewer', User> = {} as never;
let brokerId: number;
let privateMapId: number;

async function createUser(role: 'admin' | 'editor' | 'viewer'): Promise<User> {
  const doc = await payload.create({
    collection: 'users',
    data: { email: `${role}@example.test`, password: 'correct horse battery', roles: [role] },
  });
  return { ...doc, collection: 'users' };
}

function mapView(slug: string, isPublic: boolean) {
  return {
    title: slug,
    slug,
    public: isPublic,
    centre: { lon: 105.85, lat: 21.03, zoom: 12 },
    basemapStyle: 'offline',
    layers: [
      {
        label: 'Air',
        broker: brokerId,
        entityType: 'AirQualityObserved',
        style: 'clusters' as const,
        refresh: 'interval' as const,
      },
    ],
  };
}

beforeAll(async () => {
  const config = createPayloadConfig({
    databaseUrl: ':memory:',
    dataDir: srcDir,
    secret: SECRET,
    srcDir,
    push: true,
  });
  payload = await getPayload({ config });
  users.admin = await createUser('admin');
  users.editor = await createUser('editor');
  users.viewer = await createUser('viewer');
  const broker = await payload.create({
    collection: 'brokers',
    data: { name: 'city', url: 'http://127.0.0.1:1026', readKey: READ_KEY, adminKey: ADMIN_KEY },
    user: users.admin,
    overrideAccess: false,
  });
  brokerId = broker.id;
  privateMapId = (
    await payload.create({ collection: 'map-views', data: mapView('private-map', false) })
  ).id;
  await payload.create({ collection: 'map-views', data: mapView('public-map', true) });
});

afterAll(async () => {
  await payload?.destroy();
});

describe('dashboard access control', () => {
  it('refuses every create to anonymous visitors', async () => {
    const attempts = [
      payload.create({
        collection: 'map-views',
        data: mapView('anon-map', true),
        overrideAccess: false,
      }),
      payload.create({
        collection: 'pages',
        data: { title: 'x', slug: 'anon-page' },
        overrideAccess: false,
      }),
      payload.create({
        collection: 'data-models',
        data: { entityType: 'X', version: '1' },
        overrideAccess: false,
      }),
      payload.create({
        collection: 'brokers',
        data: { name: 'b', url: 'http://x' },
        overrideAccess: false,
      }),
      payload.create({
        collection: 'users',
        data: { email: 'anon@example.test', password: 'whatever-123', roles: ['viewer'] },
        overrideAccess: false,
      }),
    ];
    const results = await Promise.allSettled(attempts);
    expect(results.map((result) => result.status)).toEqual(Array(5).fill('rejected'));
  });

  it('hides a private map view from anonymous visitors but shows public ones', async () => {
    const found = await payload.find({ collection: 'map-views', overrideAccess: false });
    expect(found.docs.map((doc) => doc.slug)).toEqual(['public-map']);
    await expect(
      payload.findByID({ collection: 'map-views', id: privateMapId, overrideAccess: false }),
    ).rejects.toThrow();
  });

  it('lets a viewer read a private map view but not edit it', async () => {
    const doc = await payload.findByID({
      collection: 'map-views',
      id: privateMapId,
      user: users.viewer,
      overrideAccess: false,
    });
    expect(doc.slug).toBe('private-map');
    await expect(
      payload.update({
        collection: 'map-views',
        id: privateMapId,
        data: { title: 'changed' },
        user: users.viewer,
        overrideAccess: false,
      }),
    ).rejects.toThrow();
  });

  it('lets an editor create a map view and a page', async () => {
    const map = await payload.create({
      collection: 'map-views',
      data: mapView('editor-map', false),
      user: users.editor,
      overrideAccess: false,
    });
    const page = await payload.create({
      collection: 'pages',
      data: { title: 'Air', slug: 'air', blocks: [{ blockType: 'map', mapView: map.id }] },
      user: users.editor,
      overrideAccess: false,
    });
    expect([map.slug, page.slug]).toEqual(['editor-map', 'air']);
  });

  it('refuses an editor creating a user or a broker, or raising their own role', async () => {
    await expect(
      payload.create({
        collection: 'users',
        data: { email: 'new@example.test', password: 'whatever-123', roles: ['viewer'] },
        user: users.editor,
        overrideAccess: false,
      }),
    ).rejects.toThrow();
    await expect(
      payload.create({
        collection: 'brokers',
        data: { name: 'other', url: 'http://127.0.0.1:9999' },
        user: users.editor,
        overrideAccess: false,
      }),
    ).rejects.toThrow();
    const self = await payload.update({
      collection: 'users',
      id: users.editor.id,
      data: { roles: ['admin'] },
      user: users.editor,
      overrideAccess: false,
    });
    expect(self.roles).toEqual(['editor']);
  });

  it('never returns a broker key to a user, not even an admin', async () => {
    for (const user of [users.admin, users.editor]) {
      const doc = await payload.findByID({
        collection: 'brokers',
        id: brokerId,
        user,
        overrideAccess: false,
      });
      const text = JSON.stringify(doc);
      expect(text).not.toContain(READ_KEY);
      expect(text).not.toContain(ADMIN_KEY);
      expect(doc).not.toHaveProperty('readKeySealed');
      expect(doc).not.toHaveProperty('adminKeySealed');
    }
  });

  it('stores broker keys encrypted, readable only by server code', async () => {
    const doc = await payload.findByID({
      collection: 'brokers',
      id: brokerId,
      overrideAccess: true,
    });
    const sealed = (doc as unknown as { readKeySealed: string }).readKeySealed;
    expect(sealed).not.toContain(READ_KEY);
    expect(createSecretBox(SECRET).decrypt(sealed)).toBe(READ_KEY);
  });

  it('keeps a broker key when an admin edits the broker without re-entering it', async () => {
    await payload.update({
      collection: 'brokers',
      id: brokerId,
      data: { tenant: 'hanoi' },
      user: users.admin,
      overrideAccess: false,
    });
    const keys = await readBrokerKeys(payload, brokerId);
    expect(keys).toMatchObject({ tenant: 'hanoi', readKey: READ_KEY, adminKey: ADMIN_KEY });
  });
});
