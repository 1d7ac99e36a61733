import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startNotificationSink,
  type NotificationSink,
} from '../../apps/broker/src/testing/notification-sink.js';
import { startTestBroker, type TestBroker } from '../../apps/broker/src/testing/test-broker.js';
import { testDrivers } from '../../apps/broker/src/testing/test-database.js';
import {
  attrUrl,
  client,
  entity,
  entityUrl,
  expectProblem,
  CONTEXTS,
  linkTo,
  point,
  geoProperty,
  property,
  urn,
  type Body,
  type Client,
} from './builders.js';

const SUBSCRIPTIONS = '/ngsi-ld/v1/subscriptions';

describe.each(testDrivers())('Subscriptions and notifications on %s', (driver) => {
  let t: TestBroker;
  let sink: NotificationSink;
  beforeAll(async () => {
    t = await startTestBroker(driver, { LEGOCITY_BROKER_NOTIFY_MAX_BACKOFF: '1s' });
    sink = await startNotificationSink();
  });
  afterAll(async () => {
    await t.close();
    await sink.stop();
  });

  /** A subscription to this sink with the given members; returns its id. */
  async function subscribe(api: Client, members: Body = {}): Promise<string> {
    const response = await api.send('POST', SUBSCRIPTIONS, {
      type: 'Subscription',
      entities: [{ type: 'Sensor' }],
      notification: { endpoint: { uri: sink.url } },
      ...members,
    });
    expect(response.status, response.text).toBe(201);
    const location = String(response.headers.location);
    return decodeURIComponent(location.slice(location.lastIndexOf('/') + 1));
  }

  /** Notifications of one subscription received so far. */
  const of = (id: string) => sink.received.filter((r) => r.body.subscriptionId === id);
  const waitFor = (id: string, count: number) =>
    sink.waitFor(() => of(id).length >= count).then(() => of(id));

  describe('CRUD (§6.10, §6.11)', () => {
    it('creates with 201 and Location, retrieves with status and counters, lists, deletes', async () => {
      const api = client(t);
      const id = await subscribe(api, {
        subscriptionName: 'sensors',
        watchedAttributes: ['temperature'],
      });
      expect(id).toMatch(/^urn:ngsi-ld:Subscription:/);
      const got = await api.get(`${SUBSCRIPTIONS}/${encodeURIComponent(id)}`);
      expect(got.status, got.text).toBe(200);
      const body = got.body as Body;
      expect(body).toMatchObject({
        id,
        type: 'Subscription',
        subscriptionName: 'sensors',
        status: 'active',
        isActive: true,
        watchedAttributes: ['temperature'],
        notification: { endpoint: { uri: sink.url }, timesSent: 0, status: 'ok' },
      });
      const list = await api.get(SUBSCRIPTIONS, { count: 'true' });
      expect(list.status).toBe(200);
      expect(list.headers['ngsild-results-count']).toBe('1');
      expect((list.body as Body[]).map((s) => s.id)).toEqual([id]);
      const deleted = await api.send('DELETE', `${SUBSCRIPTIONS}/${encodeURIComponent(id)}`);
      expect(deleted.status).toBe(204);
      expectProblem(
        await api.get(`${SUBSCRIPTIONS}/${encodeURIComponent(id)}`),
        404,
        'ResourceNotFound',
      );
    });

    it('never shows credentials of the endpoint', async () => {
      const api = client(t);
      const id = await subscribe(api, {
        notification: {
          endpoint: {
            uri: 'https://city:hunter2@example.org/notify',
            receiverInfo: [
              { key: 'Authorization', value: 'Bearer s3cret' },
              { key: 'X-City', value: 'Hanoi' },
            ],
          },
        },
      });
      const got = await api.get(`${SUBSCRIPTIONS}/${encodeURIComponent(id)}`);
      expect(got.text).not.toMatch(/hunter2|s3cret/);
      expect(((got.body as Body).notification as Body).endpoint).toEqual({
        uri: 'https://city:***@example.org/notify',
        receiverInfo: [
          { key: 'Authorization', value: '***' },
          { key: 'X-City', value: 'Hanoi' },
        ],
      });
    });

    it('keeps a given id and refuses it twice with 409', async () => {
      const api = client(t);
      const id = urn('Subscription');
      expect(await subscribe(api, { id })).toBe(id);
      const again = await api.send('POST', SUBSCRIPTIONS, {
        id,
        type: 'Subscription',
        entities: [{ type: 'Sensor' }],
        notification: { endpoint: { uri: sink.url } },
      });
      expectProblem(again, 409, 'AlreadyExists');
    });

    it.each([
      [{ type: 'Subscription', notification: { endpoint: { uri: 'http://x/y' } } }, 'entities'],
      [{ type: 'Subscription', entities: [{ type: 'Sensor' }] }, 'notification'],
      [
        {
          type: 'Subscription',
          entities: [{ id: 'urn:x:1' }],
          notification: { endpoint: { uri: 'http://x/y' } },
        },
        'entities[0].type',
      ],
      [
        {
          type: 'Subscription',
          entities: [{ type: 'Sensor' }],
          notification: { endpoint: { uri: 'ftp://x/y' } },
        },
        'notification.endpoint.uri',
      ],
      [
        {
          type: 'Subscription',
          entities: [{ type: 'Sensor' }],
          q: 'temperature>>',
          notification: { endpoint: { uri: 'http://x/y' } },
        },
        'q',
      ],
      [
        {
          type: 'Subscription',
          entities: [{ type: 'Sensor' }],
          throttling: -1,
          notification: { endpoint: { uri: 'http://x/y' } },
        },
        'throttling',
      ],
      [
        {
          type: 'Subscription',
          entities: [{ type: 'Sensor' }],
          expiresAt: '2001-01-01T00:00:00Z',
          notification: { endpoint: { uri: 'http://x/y' } },
        },
        'expiresAt',
      ],
      [
        {
          type: 'Subscription',
          entities: [{ type: 'Sensor' }],
          colour: 'red',
          notification: { endpoint: { uri: 'http://x/y' } },
        },
        'colour',
      ],
      [
        {
          type: 'Subscription',
          entities: [{ type: 'Sensor' }],
          notification: { format: 'pretty', endpoint: { uri: 'http://x/y' } },
        },
        'notification.format',
      ],
      [
        {
          type: 'Subscription',
          entities: [{ type: 'Sensor' }],
          notification: { endpoint: { uri: 'mqtt://localhost:1883' } },
        },
        'notification.endpoint.uri',
      ],
    ])('refuses an invalid subscription naming the field (%#)', async (body, field) => {
      const api = client(t);
      const response = await api.send('POST', SUBSCRIPTIONS, body);
      const problem = expectProblem(response, 400, 'BadRequestData');
      const fields = [
        problem.field,
        ...((problem.problems as Body[] | undefined) ?? []).map((p) => p.field),
      ];
      expect(fields).toContain(field);
    });

    it('answers 501 for members it does not implement', async () => {
      const api = client(t);
      const response = await api.send('POST', SUBSCRIPTIONS, {
        type: 'Subscription',
        entities: [{ type: 'Sensor' }],
        timeInterval: 10,
        notification: { endpoint: { uri: sink.url } },
      });
      expectProblem(response, 501, 'NotImplemented');
    });

    it('updates members with PATCH and keeps the rest', async () => {
      const api = client(t);
      const id = await subscribe(api, { subscriptionName: 'before' });
      const url = `${SUBSCRIPTIONS}/${encodeURIComponent(id)}`;
      const patched = await api.send('PATCH', url, {
        isActive: false,
        description: 'paused for works',
      });
      expect(patched.status, patched.text).toBe(204);
      const body = (await api.get(url)).body as Body;
      expect(body).toMatchObject({
        subscriptionName: 'before',
        description: 'paused for works',
        isActive: false,
        status: 'paused',
      });
      const bad = await api.send('PATCH', url, { throttling: 'often' });
      expectProblem(bad, 400, 'BadRequestData');
      expect(((await api.get(url)).body as Body).throttling).toBeUndefined();
      expectProblem(
        await api.send('PATCH', `${SUBSCRIPTIONS}/urn:x:none`, { isActive: true }),
        404,
        'ResourceNotFound',
      );
    });
  });

  describe('notifications (§5.11)', () => {
    it('notifies a change of a matching entity with the entity after the change', async () => {
      const api = client(t);
      const id = await subscribe(api);
      const sensor = urn('Sensor');
      await api.seed(entity(sensor, 'Sensor', { temperature: property(20) }));
      const [created] = await waitFor(id, 1);
      expect(created!.body).toMatchObject({ type: 'Notification', subscriptionId: id });
      expect(created!.body.data).toEqual([
        { id: sensor, type: 'Sensor', temperature: { type: 'Property', value: 20 } },
      ]);
      expect(created!.headers['content-type']).toBe('application/json');
      expect(String(created!.headers.link)).toContain('json-ld#context');
      expect(created!.headers['ngsild-tenant']).toBe(api.tenant);

      expect((await api.send('PATCH', attrUrl(sensor, 'temperature'), { value: 21 })).status).toBe(
        204,
      );
      const all = await waitFor(id, 2);
      expect(all[1]!.body.data[0]).toMatchObject({ temperature: { value: 21 } });
    });

    it('notifies every change in order, each with the values of that change', async () => {
      const api = client(t);
      const id = await subscribe(api, {
        q: 'temperature>30',
        notification: { endpoint: { uri: sink.url }, format: 'keyValues' },
      });
      const sensor = urn('Sensor');
      await api.seed(
        entity(sensor, 'Sensor', { temperature: property(31), humidity: property(1) }),
      );
      for (const value of [35, 20, 36, 37]) {
        expect((await api.send('PATCH', attrUrl(sensor, 'temperature'), { value })).status).toBe(
          204,
        );
      }
      await waitFor(id, 1);
      await sink.waitFor(() => of(id).flatMap((r) => r.body.data).length >= 4);
      await new Promise((resolve) => setTimeout(resolve, 300));
      const values = of(id).flatMap((r) => r.body.data.map((e) => e.temperature));
      expect(values).toEqual([31, 35, 36, 37]);
    });

    it('does not notify other types, unwatched attributes or entities failing q', async () => {
      const api = client(t);
      const id = await subscribe(api, { watchedAttributes: ['temperature'], q: 'temperature>30' });
      const sensor = urn('Sensor');
      await api.seed(
        entity(sensor, 'Sensor', { temperature: property(20), humidity: property(50) }),
      );
      await api.seed(entity(urn('Room'), 'Room', { temperature: property(40) }));
      await api.send('PATCH', attrUrl(sensor, 'humidity'), { value: 60 });
      await api.send('PATCH', attrUrl(sensor, 'temperature'), { value: 35 });
      const [hot] = await waitFor(id, 1);
      expect(hot!.body.data).toEqual([
        expect.objectContaining({
          id: sensor,
          temperature: expect.objectContaining({ value: 35 }),
        }),
      ]);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(of(id)).toHaveLength(1);
    });

    it('filters with geoQ, formats keyValues with only notification.attributes', async () => {
      const api = client(t);
      const id = await subscribe(api, {
        geoQ: { geometry: 'Point', coordinates: [105.85, 21.03], georel: 'near;maxDistance==1000' },
        notification: {
          endpoint: { uri: sink.url },
          format: 'keyValues',
          attributes: ['temperature'],
        },
      });
      const near = urn('Sensor');
      const far = urn('Sensor');
      await api.seed(
        entity(far, 'Sensor', {
          temperature: property(1),
          location: geoProperty(point(106.7, 10.8)),
        }),
        entity(near, 'Sensor', {
          temperature: property(2),
          humidity: property(3),
          location: geoProperty(point(105.851, 21.031)),
        }),
      );
      const [notification] = await waitFor(id, 1);
      expect(notification!.body.data).toEqual([{ id: near, type: 'Sensor', temperature: 2 }]);
    });

    it('notifies entity deletion only when notificationTrigger asks for it', async () => {
      const api = client(t);
      const deletions = await subscribe(api, { notificationTrigger: ['entityDeleted'] });
      const sensor = urn('Sensor');
      await api.seed(entity(sensor, 'Sensor', { temperature: property(1) }));
      expect((await api.send('DELETE', entityUrl(sensor))).status).toBe(204);
      const [deleted] = await waitFor(deletions, 1);
      expect(deleted!.body.data).toEqual([
        expect.objectContaining({ id: sensor, type: 'Sensor', deletedAt: expect.any(String) }),
      ]);
    });

    it('expands its names and compacts notifications with the @context it was created with', async () => {
      const api = client(t);
      const EX = 'https://example.org/city#';
      const hosted = await api.send('POST', CONTEXTS, {
        '@context': { Bus: `${EX}Bus`, speed: `${EX}speed` },
      });
      expect(hosted.status, hosted.text).toBe(201);
      const details = (await api.get(String(hosted.headers.location), { details: 'true' }))
        .body as Body;
      const contextUrl = details.URL as string;
      const created = await api.send(
        'POST',
        SUBSCRIPTIONS,
        {
          type: 'Subscription',
          entities: [{ type: 'Bus' }],
          watchedAttributes: ['speed'],
          notification: { endpoint: { uri: sink.url } },
        },
        { headers: linkTo(contextUrl) },
      );
      expect(created.status, created.text).toBe(201);
      const location = String(created.headers.location);
      const id = decodeURIComponent(location.slice(location.lastIndexOf('/') + 1));
      // Written without that context, the entity's names are the expanded IRIs.
      const bus = urn('Bus');
      await api.seed(entity(bus, `${EX}Bus`, { [`${EX}speed`]: property(40) }));
      const [received] = await waitFor(id, 1);
      expect(received!.body.data).toEqual([
        { id: bus, type: 'Bus', speed: { type: 'Property', value: 40 } },
      ]);
      expect(String(received!.headers.link)).toContain(contextUrl);
    });

    it('counts deliveries, retries a failing endpoint and delivers everything when it recovers', async () => {
      const api = client(t);
      const id = await subscribe(api);
      sink.failWith = 503;
      const sensor = urn('Sensor');
      try {
        await api.seed(entity(sensor, 'Sensor', { temperature: property(1) }));
        const url = `${SUBSCRIPTIONS}/${encodeURIComponent(id)}`;
        await expect
          .poll(async () => (((await api.get(url)).body as Body).notification as Body).status, {
            timeout: 5000,
          })
          .toBe('failed');
        const failed = ((await api.get(url)).body as Body).notification as Body;
        expect(failed.timesFailed).toBeGreaterThanOrEqual(1);
        expect(failed.lastFailure).toEqual(expect.any(String));
      } finally {
        sink.failWith = undefined;
      }
      const [delivered] = await waitFor(id, 1);
      expect(delivered!.body.data[0]).toMatchObject({ id: sensor });
      await expect
        .poll(
          async () =>
            (
              ((await api.get(`${SUBSCRIPTIONS}/${encodeURIComponent(id)}`)).body as Body)
                .notification as Body
            ).status,
          { timeout: 5000 },
        )
        .toBe('ok');
    });

    it('never slows or fails the write when the endpoint is down', async () => {
      const api = client(t);
      await subscribe(api, {
        notification: { endpoint: { uri: 'http://127.0.0.1:9/unreachable' } },
      });
      const started = Date.now();
      await api.seed(entity(urn('Sensor'), 'Sensor', { temperature: property(1) }));
      expect(Date.now() - started).toBeLessThan(5000);
    });

    it('does not notify a paused subscription', async () => {
      const api = client(t);
      const id = await subscribe(api, { isActive: false });
      await api.seed(entity(urn('Sensor'), 'Sensor', { temperature: property(1) }));
      const other = await subscribe(api, {});
      await api.seed(entity(urn('Sensor'), 'Sensor', { temperature: property(2) }));
      await waitFor(other, 1);
      expect(of(id)).toHaveLength(0);
    });
  });
});
