import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mqtt, { type MqttClient } from 'mqtt';
import { afterEach, describe, expect, it } from 'vitest';
import { startEmbeddedMqtt, type EmbeddedMqtt } from '../../mqtt-server/embedded-mqtt.js';
import { readMqttConfig, type MqttConfig } from './config.js';
import { fakeStreamContext, type FakeStreamContext } from './fake-stream-context.test-support.js';
import { createMqttSource } from './source.js';
import { weatherDevices } from './test-devices.test-support.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setup(env: Record<string, string> = {}, broker?: EmbeddedMqtt) {
  const mqttBroker = broker ?? (await startEmbeddedMqtt({ port: 0 }));
  if (!broker) cleanups.push(() => mqttBroker.close());
  const stateDir = await mkdtemp(join(tmpdir(), 'mqtt-source-'));
  const loaded = readMqttConfig({
    LEGOCITY_UPDATERS_MQTT_URL: mqttBroker.url,
    LEGOCITY_UPDATERS_MQTT_STATE_DIR: stateDir,
    LEGOCITY_UPDATERS_MQTT_CLIENT_ID: `test-${Math.random().toString(16).slice(2)}`,
    ...env,
  });
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
  const publisher = await mqtt.connectAsync(mqttBroker.url, { protocolVersion: 4 });
  cleanups.push(() => publisher.endAsync());
  return { broker: mqttBroker, config: loaded.value, publisher };
}

async function startSource(config: MqttConfig, autoProvision = false) {
  const source = createMqttSource(config, weatherDevices({ autoProvision }));
  const context = fakeStreamContext();
  await source.start(context);
  cleanups.push(() => source.stop());
  await expect.poll(() => source.ready?.().ok).toBe(true);
  return { source, context };
}

const entitiesWritten = (context: FakeStreamContext) => context.writes.flat();
const publish = (client: MqttClient, topic: string, payload: unknown) =>
  client.publishAsync(topic, JSON.stringify(payload), { qos: 1 });

describe('createMqttSource', () => {
  it('writes the static attributes of provisioned devices at start', async () => {
    const { config } = await setup();
    const { context } = await startSource(config);
    await expect
      .poll(() => entitiesWritten(context))
      .toContainEqual({
        id: 'urn:ngsi-ld:WeatherObserved:ws-001',
        type: 'WeatherObserved',
        name: { type: 'Property', value: 'Hai Chau station' },
      });
  });

  it('turns a measure into an attribute update with its observedAt', async () => {
    const { config, publisher } = await setup();
    const { source, context } = await startSource(config);
    await publish(publisher, 'legocity/devices/ws-001/attrs', {
      t: 24.5,
      observedAt: '2025-03-01T10:00:00Z',
    });
    await expect
      .poll(() => entitiesWritten(context))
      .toContainEqual({
        id: 'urn:ngsi-ld:WeatherObserved:ws-001',
        type: 'WeatherObserved',
        temperature: {
          type: 'Property',
          value: 24.5,
          unitCode: 'CEL',
          observedAt: '2025-03-01T10:00:00.000Z',
        },
      });
    expect(source.stats()).toMatchObject({ received: 1, acknowledged: 1, refused: 0 });
  });

  it('acknowledges a measure only once the write resolved', async () => {
    const { config, publisher } = await setup();
    const { source, context } = await startSource(config);
    await expect.poll(() => context.writes.length).toBe(1); // the static attributes
    context.hold();
    await publish(publisher, 'legocity/devices/ws-001/attrs', { t: 1 });
    await expect.poll(() => source.stats().received).toBe(1);
    expect(source.stats()).toMatchObject({ acknowledged: 0, pending: 1 });
    context.release();
    await expect.poll(() => source.stats().acknowledged).toBe(1);
  });

  it('refuses and counts a device that is not provisioned', async () => {
    const { config, publisher } = await setup();
    const { source, context } = await startSource(config);
    await publish(publisher, 'legocity/devices/ws-404/attrs', { t: 1 });
    await expect.poll(() => source.stats().refused).toBe(1);
    expect(context.errors.map((error) => error.message)).toEqual([
      'Device ws-404 is not provisioned: measure on legocity/devices/ws-404/attrs refused',
    ]);
    expect(source.stats().acknowledged).toBe(1);
  });

  it('auto-provisions a device on the typed topic when allowed', async () => {
    const { config, publisher } = await setup({ LEGOCITY_UPDATERS_MQTT_AUTO_PROVISION: 'true' });
    const { context } = await startSource(config);
    await publish(publisher, 'legocity/devices/weather-station/ws-777/attrs', { h: 40 });
    await expect
      .poll(() => entitiesWritten(context).map((entity) => entity.id))
      .toContain('urn:ngsi-ld:WeatherObserved:ws-777');
  });

  it('reports a lost session once when the MQTT broker forgot it', async () => {
    const first = await startEmbeddedMqtt({ port: 0 });
    const port = Number(new URL(first.url).port);
    const { config } = await setup({}, first);
    const { source, context } = await startSource(config);
    await first.close(); // in memory: the session goes with it
    const second = await startEmbeddedMqtt({ port });
    cleanups.push(() => second.close());
    await expect.poll(() => source.stats().sessionsLost, { timeout: 15_000 }).toBe(1);
    await expect.poll(() => source.ready?.().ok, { timeout: 15_000 }).toBe(true);
    const warnings = context
      .logLines()
      .filter(
        (line) =>
          line.msg === 'MQTT session lost: messages published while we were away may be lost',
      );
    expect(warnings).toHaveLength(1);
    expect(
      context.errors.filter((error) => (error as { kind?: string }).kind === 'mqtt-session-lost'),
    ).toHaveLength(1);
    expect(source.ready?.().detail).toContain('1 lost session(s)');
  });

  it('expects the session of an earlier process (marker file) after a restart', async () => {
    const broker = await startEmbeddedMqtt({ port: 0 });
    const port = Number(new URL(broker.url).port);
    const { config } = await setup({}, broker);
    const earlier = createMqttSource(config, weatherDevices());
    await earlier.start(fakeStreamContext());
    await expect.poll(() => earlier.ready?.().ok).toBe(true);
    await earlier.stop();

    const resumed = await startSource(config);
    await expect
      .poll(() => resumed.context.logLines().some((line) => line.msg === 'MQTT connected'))
      .toBe(true);
    expect(resumed.source.stats().sessionsLost).toBe(0);
    await resumed.source.stop();

    await broker.close(); // in memory: the session is gone, the marker file is not
    const fresh = await startEmbeddedMqtt({ port });
    cleanups.push(() => fresh.close());
    const { source } = await startSource(config);
    expect(source.stats().sessionsLost).toBe(1);
  });

  it('leaves a measure unacknowledged while its write is pending: the session hands it on', async () => {
    const { config, publisher, broker } = await setup();
    const { source, context } = await startSource(config);
    await expect.poll(() => context.writes.length).toBe(1);
    context.hold();
    await publish(publisher, 'legocity/devices/ws-001/attrs', { t: 7 });
    await expect.poll(() => source.stats().received).toBe(1);
    // Take the session over, as a restarted update server would: the broker sends it again.
    const successor = mqtt.connect(broker.url, {
      clientId: config.clientId,
      clean: false,
      protocolVersion: 4,
      reconnectPeriod: 0,
    });
    const payloads: string[] = [];
    successor.on('message', (_topic, payload) => payloads.push(payload.toString()));
    await expect.poll(() => payloads).toEqual(['{"t":7}']);
    await successor.endAsync(true);
    context.release();
  });
});
