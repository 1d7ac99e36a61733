import mqtt, { type MqttClient } from 'mqtt';
import { afterEach, describe, expect, it } from 'vitest';
import { daNang } from './city/da-nang.js';
import {
  createSimulatorPublisher,
  sensorMessages,
  type SimulatorPublisher,
} from './simulator-publisher.js';

// The real Mosquitto of this machine (and of CI): the test fails, never skips, when it is down.
const MOSQUITTO = 'mqtt://127.0.0.1:1883';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Subscribes to every device's measures under a prefix of its own and collects them. */
async function listen(
  prefix: string,
): Promise<{ client: MqttClient; received: { topic: string; payload: string; qos: number }[] }> {
  const client = await mqtt.connectAsync(MOSQUITTO, { reconnectPeriod: 0, connectTimeout: 5000 });
  cleanups.push(() => client.endAsync());
  const received: { topic: string; payload: string; qos: number }[] = [];
  client.on('message', (topic, payload, packet) =>
    received.push({ topic, payload: payload.toString('utf8'), qos: packet.qos }),
  );
  await client.subscribeAsync(`${prefix}/+/attrs`, { qos: 1 });
  return { client, received };
}

describe('createSimulatorPublisher (against Mosquitto)', () => {
  it('publishes one measure per device to <prefix>/<deviceId>/attrs at QoS 1 with observedAt', async () => {
    const prefix = `legocity-test/simulator-${process.pid}-${Date.now()}`;
    const { received } = await listen(prefix);
    const origin = new Date('2025-10-20T01:00:00.250Z');
    const now = () => origin;
    const publisher: SimulatorPublisher = createSimulatorPublisher(
      { seed: 2025, publishEvery: 3_600_000, speed: 1, mqttUrl: MOSQUITTO, topicPrefix: prefix },
      { origin, now },
    );
    cleanups.push(() => publisher.stop());
    await publisher.start();

    const expected = sensorMessages(daNang, 2025, prefix, new Date('2025-10-20T01:00:00.000Z'));
    await expect.poll(() => received.length, { timeout: 10_000 }).toBe(expected.length);
    expect(
      received
        .map(({ topic, payload }) => ({ topic, payload }))
        .sort((a, b) => a.topic.localeCompare(b.topic)),
    ).toEqual([...expected].sort((a, b) => a.topic.localeCompare(b.topic)));
    expect(received.every((message) => message.qos === 1)).toBe(true);
    const weather = JSON.parse(
      received.find((message) => message.topic === `${prefix}/ws-hai-chau/attrs`)!.payload,
    );
    expect(weather).toMatchObject({ observedAt: '2025-10-20T01:00:00.000Z' });
    expect(Object.keys(weather).sort()).toEqual(['h', 'observedAt', 'p', 'r', 't', 'wd', 'ws']);

    // publishAll resolves once Mosquitto has acknowledged every measure.
    expect(await publisher.publishAll()).toBe(expected.length);
    await expect.poll(() => received.length, { timeout: 10_000 }).toBe(2 * expected.length);
  });

  it('refuses to publish before it is started', async () => {
    const publisher = createSimulatorPublisher({
      seed: 1,
      publishEvery: 1000,
      speed: 1,
      mqttUrl: MOSQUITTO,
      topicPrefix: 'x',
    });
    await expect(publisher.publishAll()).rejects.toThrow('not started');
  });
});
