/**
 * The MQTT sensors source end to end, in process: a sensor publishes to a real MQTT broker
 * (Mosquitto on 127.0.0.1:1883, as in CI and production, and the embedded aedes), the source and
 * the real update-server runtime write to a real LegoCity broker. Mosquitto must be running: these
 * tests fail, never skip, when it is not.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mqtt from 'mqtt';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '@legocity/observability';
import { createUpdater, type Updater } from '@legocity/updater-runtime';
import { startEmbeddedMqtt } from '../../apps/updaters/src/mqtt-server/embedded-mqtt.js';
import { readMqttConfig, type MqttConfig } from '../../apps/updaters/src/sources/mqtt/config.js';
import { parseDevicesFile } from '../../apps/updaters/src/sources/mqtt/devices-file.js';
import { createMqttSource, type MqttSource } from '../../apps/updaters/src/sources/mqtt/source.js';
import { counterDevicesFile } from '../../apps/updaters/src/testing/mqtt-load.js';
import {
  listEntities,
  startMqttTestBroker,
  type MqttTestBroker,
} from '../../apps/updaters/src/testing/mqtt-test-broker.js';
import { captureLines } from '../../packages/observability/src/logger/capture-lines.test-support.js';
import { weatherDevicesJson } from '../../apps/updaters/src/sources/mqtt/test-devices.test-support.js';

const MOSQUITTO = 'mqtt://127.0.0.1:1883';
const LOST = 'MQTT session lost: messages published while we were away may be lost';

let broker: MqttTestBroker;
beforeAll(async () => {
  // Fails the file when Mosquitto is not running (CI starts it): never a silent skip.
  const probe = await mqtt.connectAsync(MOSQUITTO, { reconnectPeriod: 0, connectTimeout: 5_000 });
  await probe.endAsync();
  broker = await startMqttTestBroker(['WeatherObserved', 'Counter']);
});
afterAll(async () => {
  await broker.close();
});

const running: { updater: Updater; config: MqttConfig }[] = [];
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const { updater, config } of running.splice(0)) {
    await updater.stop();
    if (config.url !== MOSQUITTO) continue;
    // Remove the persistent session from the shared Mosquitto.
    const cleaner = await mqtt.connectAsync(config.url, {
      clientId: config.clientId,
      clean: true,
      protocolVersion: 5,
    });
    await cleaner.endAsync();
  }
  for (const close of closers.splice(0)) await close();
});

async function settings(url: string, env: Record<string, string> = {}) {
  const id = `${process.pid}-${Math.random().toString(16).slice(2, 8)}`;
  const loaded = readMqttConfig({
    LEGOCITY_UPDATERS_MQTT_URL: url,
    LEGOCITY_UPDATERS_MQTT_CLIENT_ID: `legocity-test-${id}`,
    LEGOCITY_UPDATERS_MQTT_TOPIC_PREFIX: `legocity-test/${id}`,
    LEGOCITY_UPDATERS_MQTT_STATE_DIR: await mkdtemp(join(tmpdir(), 'mqtt-state-')),
    ...env,
  });
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
  return { config: loaded.value, dataDir: await mkdtemp(join(tmpdir(), 'mqtt-updater-')) };
}

async function startUpdater(config: MqttConfig, devices: unknown, dataDir: string) {
  const parsed = parseDevicesFile(devices);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  const source = createMqttSource(config, parsed.value);
  const logs = captureLines();
  const logger = createLogger({
    component: 'updaters',
    version: 'test',
    commit: 'test',
    level: 'info',
    destination: logs.destination,
  });
  const updater = createUpdater({
    sources: [source],
    broker: { url: broker.url, tenant: broker.tenant, keyFor: () => broker.writeKey },
    dataDir,
    logger,
    outbox: { fsyncIntervalMs: 20 },
  });
  await updater.start();
  running.push({ updater, config });
  await expect.poll(() => source.ready?.().ok, { timeout: 10_000 }).toBe(true);
  return { source, updater, logs };
}

async function entity(id: string, query = ''): Promise<Record<string, unknown> | undefined> {
  const response = await broker.get(`/ngsi-ld/v1/entities/${encodeURIComponent(id)}${query}`);
  return response.status === 200 ? (response.body as Record<string, unknown>) : undefined;
}

describe.each([
  ['Mosquitto', () => Promise.resolve({ url: MOSQUITTO, close: () => Promise.resolve() })],
  ['the embedded aedes broker', () => startEmbeddedMqtt({ port: 0 })],
])('MQTT measures through %s', (_name, startMqtt) => {
  it('reach the broker as entity attributes with their observedAt', async () => {
    const mqttBroker = await startMqtt();
    closers.push(() => mqttBroker.close());
    {
      const { config, dataDir } = await settings(mqttBroker.url);
      await startUpdater(config, weatherDevicesJson, dataDir);
      const sensor = await mqtt.connectAsync(mqttBroker.url);
      await sensor.publishAsync(
        `${config.topicPrefix}/ws-001/attrs`,
        JSON.stringify({ t: 31.5, h: 72, observedAt: '2025-06-01T08:00:00Z' }),
        { qos: 1 },
      );
      await sensor.endAsync();
      await expect
        .poll(() => entity('urn:ngsi-ld:WeatherObserved:ws-001'), { timeout: 15_000 })
        .toMatchObject({
          type: 'WeatherObserved',
          name: { type: 'Property', value: 'Hai Chau station' },
          temperature: {
            type: 'Property',
            value: 31.5,
            unitCode: 'CEL',
            observedAt: '2025-06-01T08:00:00.000Z',
          },
          relativeHumidity: {
            type: 'Property',
            value: 72,
            unitCode: 'P1',
            observedAt: '2025-06-01T08:00:00.000Z',
          },
        });
    }
  });
});

describe('MQTT sessions on Mosquitto', () => {
  it('detects a lost session after a restart and reports it once', async () => {
    const { config, dataDir } = await settings(MOSQUITTO);
    const first = await startUpdater(config, weatherDevicesJson, dataDir);
    await running.pop()?.updater.stop();
    expect(first.source.stats().sessionsLost).toBe(0);

    // While the update server is away, its session is wiped (as a Mosquitto restart without
    // persistence, or an expired session, would do).
    const wiper = await mqtt.connectAsync(MOSQUITTO, {
      clientId: config.clientId,
      clean: true,
      protocolVersion: 5,
    });
    await wiper.endAsync();

    const second = await startUpdater(config, weatherDevicesJson, dataDir);
    expect(second.source.stats().sessionsLost).toBe(1);
    expect(second.logs.lines.filter((line) => line.msg === LOST)).toHaveLength(1);
    expect(second.updater.report()[0]?.errors['mqtt-session-lost']).toMatchObject({ permanent: 1 });
    expect(second.source.ready?.().detail).toContain('1 lost session(s)');

    // A restart that finds its session says nothing.
    await running.pop()?.updater.stop();
    const third = await startUpdater(config, weatherDevicesJson, dataDir);
    expect(third.source.stats().sessionsLost).toBe(0);
    expect(third.logs.lines.filter((line) => line.msg === LOST)).toHaveLength(0);
  });
});

describe('replaying MQTT measures', () => {
  const DEVICES = 100;
  const MESSAGES = 10_000;
  const startAt = Date.parse('2025-01-01T00:00:00Z');

  /**
   * Publish the 10,000 measures in steps of 500, each step once the source acknowledged the one
   * before: Mosquitto's default queue (max_queued_messages 1000) would drop a faster burst.
   */
  async function publishAll(url: string, prefix: string, source: MqttSource): Promise<void> {
    const publisher = await mqtt.connectAsync(url, { protocolVersion: 5 });
    const base = source.stats().acknowledged;
    for (let start = 0; start < MESSAGES; start += 500) {
      await Promise.all(
        Array.from({ length: 500 }, (_, i) => {
          const n = start + i;
          const payload = JSON.stringify({ c: n, observedAt: new Date(startAt + n).toISOString() });
          return publisher.publishAsync(`${prefix}/counter-${n % DEVICES}/attrs`, payload, {
            qos: 1,
          });
        }),
      );
      await expect
        .poll(() => source.stats().acknowledged, { timeout: 30_000 })
        .toBe(base + start + 500);
    }
    await publisher.endAsync();
  }

  /** modifiedAt and history length of every counter. */
  async function snapshot(): Promise<Record<string, { modifiedAt: unknown; history: number }>> {
    const history = await broker.get(
      `/ngsi-ld/v1/temporal/entities?type=Counter&attrs=counter&timerel=after&timeAt=2000-01-01T00:00:00Z&limit=1000`,
    );
    const instances = new Map(
      (history.body as { id: string; counter?: unknown }[]).map((item) => [
        item.id,
        Array.isArray(item.counter) ? item.counter.length : item.counter ? 1 : 0,
      ]),
    );
    const entities = await listEntities(broker, 'Counter');
    return Object.fromEntries(
      entities.map((item) => [
        item.id as string,
        { modifiedAt: item.modifiedAt, history: instances.get(item.id as string) ?? 0 },
      ]),
    );
  }

  it('changes no entity when 10,000 messages are replayed', async () => {
    const { config, dataDir } = await settings(MOSQUITTO);
    const { source, updater } = await startUpdater(config, counterDevicesFile(DEVICES), dataDir);
    await publishAll(MOSQUITTO, config.topicPrefix, source);
    await expect.poll(() => source.stats().acknowledged, { timeout: 60_000 }).toBe(MESSAGES);
    await expect.poll(() => updater.report()[0]?.outbox.pending, { timeout: 60_000 }).toBe(0);
    const before = await snapshot();
    expect(Object.keys(before)).toHaveLength(DEVICES);
    expect(Object.values(before).every((item) => item.history > 0)).toBe(true);
    const unchangedBefore = updater.report()[0]?.totals.unchanged ?? 0;

    await publishAll(MOSQUITTO, config.topicPrefix, source);
    await expect.poll(() => source.stats().acknowledged, { timeout: 60_000 }).toBe(2 * MESSAGES);
    await expect.poll(() => updater.report()[0]?.outbox.pending, { timeout: 60_000 }).toBe(0);
    expect((updater.report()[0]?.totals.unchanged ?? 0) - unchangedBefore).toBe(MESSAGES);
    expect(await snapshot()).toEqual(before);
  }, 180_000);
});
