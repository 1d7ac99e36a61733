import { afterEach, describe, expect, it, vi } from 'vitest';
import { testLayer } from './fake-broker.test-support.js';
import { NOTIFY_TOKEN_HEADER } from './layer-subscription.js';
import { createLiveUpdates, HEARTBEAT_MS } from './live-updates.js';
import { problemFromError } from './proxy-errors.js';

interface SentBody {
  id?: string;
  notification: { endpoint: { receiverInfo: { key: string; value: string }[] } };
}

const NOTIFY_URL = 'http://127.0.0.1:3000/api/data/notify';

/** A broker answering subscription requests; records them, answers POST with `postStatus`. */
function subscriptionBroker(postStatus = 201) {
  const requests: { method: string; url: string; headers: Headers; body: SentBody }[] = [];
  const fetch = ((url: string, init: RequestInit) => {
    const body = JSON.parse(init.body as string) as SentBody;
    requests.push({ method: String(init.method), url, headers: new Headers(init.headers), body });
    const status = init.method === 'POST' ? postStatus : 204;
    return Promise.resolve(new Response(null, { status }));
  }) as unknown as typeof globalThis.fetch;
  return { fetch, requests };
}

function notification(subscriptionId: string, data: unknown[] = []) {
  return {
    id: 'urn:ngsi-ld:Notification:1',
    type: 'Notification',
    subscriptionId,
    notifiedAt: '2024-05-01T10:00:00.000Z',
    data,
  };
}

function tokenOf(request: { body: SentBody }): string {
  return request.body.notification.endpoint.receiverInfo[0]!.value;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('createLiveUpdates', () => {
  it('creates one subscription per layer with the token in receiverInfo', async () => {
    const broker = subscriptionBroker();
    const live = createLiveUpdates({ fetch: broker.fetch });
    const layer = testLayer({ q: 'value>3', attributes: ['value'] });
    const [id, again] = await Promise.all([
      live.ensureSubscription(layer, NOTIFY_URL),
      live.ensureSubscription(layer, NOTIFY_URL),
    ]);
    await live.ensureSubscription(layer, NOTIFY_URL);
    expect(again).toBe(id);
    expect(broker.requests).toHaveLength(1);
    const [request] = broker.requests;
    expect(request?.url).toBe('http://broker.invalid:1026/ngsi-ld/v1/subscriptions');
    expect(request?.headers.get('authorization')).toBe('Bearer lgc_0000000000000000_secret');
    expect(request?.body).toMatchObject({
      id,
      type: 'Subscription',
      entities: [{ type: 'Sensor' }],
      q: 'value>3',
      notification: {
        format: 'keyValues',
        sysAttrs: true,
        attributes: ['value', 'location'],
        endpoint: { uri: NOTIFY_URL, receiverInfo: [{ key: NOTIFY_TOKEN_HEADER }] },
      },
    });
    expect(tokenOf(request!).length).toBeGreaterThanOrEqual(32);
  });

  it('updates the existing subscription when its id is taken (a restart)', async () => {
    const broker = subscriptionBroker(409);
    const live = createLiveUpdates({ fetch: broker.fetch, tokenSecret: 'payload-secret' });
    const id = await live.ensureSubscription(testLayer(), NOTIFY_URL);
    expect(broker.requests.map((request) => request.method)).toEqual(['POST', 'PATCH']);
    expect(broker.requests[1]?.url).toContain(encodeURIComponent(id));
    expect(broker.requests[1]?.body.id).toBeUndefined();
    expect(tokenOf(broker.requests[1]!)).toBe(tokenOf(broker.requests[0]!));
  });

  it('derives the same token from the same secret, so restarts and replicas agree', async () => {
    const first = subscriptionBroker();
    const second = subscriptionBroker();
    await createLiveUpdates({ fetch: first.fetch, tokenSecret: 's' }).ensureSubscription(
      testLayer(),
      NOTIFY_URL,
    );
    await createLiveUpdates({ fetch: second.fetch, tokenSecret: 's' }).ensureSubscription(
      testLayer(),
      NOTIFY_URL,
    );
    expect(tokenOf(second.requests[0]!)).toBe(tokenOf(first.requests[0]!));
    expect(second.requests[0]?.body.id).toBe(first.requests[0]?.body.id);
  });

  it('sends a notification to the connections of its layer only, as an update frame', async () => {
    const broker = subscriptionBroker();
    const live = createLiveUpdates({ fetch: broker.fetch });
    const id = await live.ensureSubscription(testLayer(), NOTIFY_URL);
    const sensors: string[] = [];
    const others: string[] = [];
    live.subscribeLayer('sensors', (frame) => sensors.push(frame));
    live.subscribeLayer('other', (frame) => others.push(frame));
    const entity = {
      id: 'urn:ngsi-ld:Sensor:1',
      type: 'Sensor',
      value: 4,
      location: { type: 'Point', coordinates: [1, 2] },
    };
    const result = live.handleNotification(
      notification(id, [entity]),
      tokenOf(broker.requests[0]!),
    );
    expect(result).toEqual({ delivered: 1 });
    expect(sensors[0]).toBe('retry: 3000\n\n');
    expect(sensors[1]).toMatch(/^event: update\ndata: \{.*\}\n\n$/);
    expect(JSON.parse(sensors[1]!.split('\n')[1]!.slice(6))).toEqual({
      layerId: 'sensors',
      notifiedAt: '2024-05-01T10:00:00.000Z',
      features: [
        {
          id: 'urn:ngsi-ld:Sensor:1',
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [1, 2] },
          properties: {
            type: 'Sensor',
            value: 4,
            location: { type: 'Point', coordinates: [1, 2] },
          },
        },
      ],
    });
    expect(others).toEqual(['retry: 3000\n\n']);
  });

  it('refuses a notification with a wrong or missing token, or an unknown subscription', async () => {
    const broker = subscriptionBroker();
    const live = createLiveUpdates({ fetch: broker.fetch });
    const id = await live.ensureSubscription(testLayer(), NOTIFY_URL);
    const refusal = (body: unknown, token: string | undefined) => {
      try {
        live.handleNotification(body, token);
      } catch (error) {
        return problemFromError(error).status;
      }
    };
    expect(refusal(notification(id), 'forged')).toBe(401);
    expect(refusal(notification(id), undefined)).toBe(401);
    expect(refusal(notification('urn:ngsi-ld:Subscription:x'), tokenOf(broker.requests[0]!))).toBe(
      401,
    );
    expect(refusal({ type: 'Notification' }, 'x')).toBe(400);
  });

  it('stops sending to a connection after unsubscribe or a failed write', async () => {
    const broker = subscriptionBroker();
    const live = createLiveUpdates({ fetch: broker.fetch });
    const id = await live.ensureSubscription(testLayer(), NOTIFY_URL);
    const token = tokenOf(broker.requests[0]!);
    const unsubscribe = live.subscribeLayer('sensors', () => undefined);
    let isOpen = true;
    live.subscribeLayer('sensors', () => {
      if (!isOpen) throw new Error('closed');
    });
    expect(live.connections).toBe(2);
    unsubscribe();
    isOpen = false;
    expect(live.handleNotification(notification(id), token)).toEqual({ delivered: 0 });
    expect(live.connections).toBe(0);
  });

  it('sends a heartbeat comment every 15 s', () => {
    vi.useFakeTimers();
    const live = createLiveUpdates();
    const frames: string[] = [];
    live.subscribeLayer('sensors', (frame) => frames.push(frame));
    vi.advanceTimersByTime(HEARTBEAT_MS * 2);
    expect(frames).toEqual(['retry: 3000\n\n', ': heartbeat\n\n', ': heartbeat\n\n']);
    live.close();
  });

  it('refuses connections beyond its limit with a 429', () => {
    const live = createLiveUpdates({ maxConnections: 1 });
    live.subscribeLayer('sensors', () => undefined);
    expect(() => live.subscribeLayer('sensors', () => undefined)).toThrow(
      'Too many live connections',
    );
    live.close();
  });
});
