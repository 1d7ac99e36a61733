/**
 * Delivery guarantees over real transports: MQTT notifications through Mosquitto (QoS 1), and
 * an HTTP endpoint down for 30 s that receives everything once it is back.
 */
import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startNotificationSink,
  type NotificationSink,
} from '../../apps/broker/src/testing/notification-sink.js';
import { startTestBroker, type TestBroker } from '../../apps/broker/src/testing/test-broker.js';
import { testDrivers, uniqueTenant } from '../../apps/broker/src/testing/test-database.js';

const MQTT_URL = process.env.LEGOCITY_TEST_MQTT_URL ?? 'mqtt://127.0.0.1:1883';

describe.each(testDrivers())('notification delivery on %s', (driver) => {
  let t: TestBroker;
  beforeAll(async () => {
    t = await startTestBroker(driver, { LEGOCITY_BROKER_NOTIFY_MAX_BACKOFF: '4s' });
  });
  afterAll(() => t.close());

  const send = (tenant: string, method: string, url: string, body: unknown) =>
    t.request(method, url, { headers: { 'ngsild-tenant': tenant }, body });

  it('publishes notifications to an MQTT topic with QoS 1 (metadata + body)', async () => {
    const tenant = uniqueTenant('mqtt');
    const topic = `legocity/test/${tenant}`;
    const subscriber = await mqtt.connectAsync(MQTT_URL);
    const messages: { metadata: Record<string, string>; body: { data: { id: string }[] } }[] = [];
    subscriber.on('message', (_topic, payload) => messages.push(JSON.parse(payload.toString())));
    await subscriber.subscribeAsync(topic, { qos: 1 });
    try {
      const created = await send(tenant, 'POST', '/ngsi-ld/v1/subscriptions', {
        type: 'Subscription',
        entities: [{ type: 'Sensor' }],
        notification: {
          endpoint: {
            uri: `${MQTT_URL}/${topic}`,
            notifierInfo: [{ key: 'MQTT-QoS', value: '1' }],
            receiverInfo: [{ key: 'X-City', value: 'Hanoi' }],
          },
        },
      });
      expect(created.status, created.text).toBe(201);
      const id = `urn:ngsi-ld:Sensor:${tenant}`;
      const write = await send(tenant, 'POST', '/ngsi-ld/v1/entities', {
        id,
        type: 'Sensor',
        level: { type: 'Property', value: 3 },
      });
      expect(write.status, write.text).toBe(201);
      await expect.poll(() => messages.length, { timeout: 10_000 }).toBe(1);
      expect(messages[0]!.metadata).toMatchObject({
        'content-type': 'application/json',
        'x-city': 'Hanoi',
        'ngsild-tenant': tenant,
      });
      expect(messages[0]!.body.data[0]).toMatchObject({ id, level: { value: 3 } });
    } finally {
      await subscriber.endAsync();
    }
  });

  describe('an HTTP endpoint down for 30 s', () => {
    let sink: NotificationSink;
    beforeAll(async () => {
      sink = await startNotificationSink();
    });
    afterAll(() => sink.stop());

    it('receives every change once it is back', { timeout: 90_000 }, async () => {
      const tenant = uniqueTenant('outage');
      const created = await send(tenant, 'POST', '/ngsi-ld/v1/subscriptions', {
        type: 'Subscription',
        entities: [{ type: 'Sensor' }],
        notification: { endpoint: { uri: sink.url } },
      });
      expect(created.status, created.text).toBe(201);
      await sink.stop();
      const ids = Array.from({ length: 50 }, (_, i) => `urn:ngsi-ld:Sensor:${tenant}-${i}`);
      const started = Date.now();
      for (const [i, id] of ids.entries()) {
        const write = await send(tenant, 'POST', '/ngsi-ld/v1/entities', {
          id,
          type: 'Sensor',
          level: { type: 'Property', value: i },
        });
        expect(write.status).toBe(201);
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
      await new Promise((resolve) =>
        setTimeout(resolve, Math.max(0, 30_000 - (Date.now() - started))),
      );
      await sink.start();
      await sink.waitFor(() => sink.entities().length >= ids.length, 20_000);
      expect(sink.entities().map((entity) => entity.id)).toEqual(ids);
    });
  });
});
