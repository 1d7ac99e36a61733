/**
 * The MQTT face of the demo city: weather stations, air-quality stations and water-level sensors
 * publish their measures to `<topicPrefix>/<deviceId>/attrs` at QoS 1, each with its simulated
 * observation time, as real devices behind an MQTT broker would.
 */
import mqtt, { type MqttClient } from 'mqtt';
import type { Logger } from '@legocity/observability';
import type { City } from './city/city-types.js';
import { daNang } from './city/da-nang.js';
import type { SimulatorConfig } from './config.js';
import { sensorDevices, sensorMeasure } from './sensors.js';
import { simulatedClock } from './simulated-clock.js';

/** A running publisher of the simulated sensors. */
export interface SimulatorPublisher {
  /**
   * Starts connecting (never waits for the broker: while it is unreachable, the client retries
   * every second and measures are skipped) and publishes at once, then every `publishEvery` ms.
   */
  start(): Promise<void>;
  /** Publishes one measure of every device now; resolves when the broker acknowledged them all. */
  publishAll(): Promise<number>;
  /** Stops publishing and disconnects after the measures in flight are acknowledged. */
  stop(): Promise<void>;
}

/** Options for tests and embedding. */
export interface SimulatorPublisherOptions {
  city?: City;
  log?: Logger;
  /** Real instant simulated time starts from; default when the publisher is created. */
  origin?: Date;
  /** The real clock; default `() => new Date()`. */
  now?: () => Date;
  /** MQTT client id; default `legocity-simulator-<random>`. */
  clientId?: string;
}

/** One MQTT message of a device: its topic and JSON payload. */
export interface SensorMessage {
  topic: string;
  payload: string;
}

/**
 * The messages every simulated device sends at a simulated instant (pure: for tests and benches).
 * @example sensorMessages(daNang, 2025, 'legocity/devices', new Date())[0].topic // 'legocity/devices/ws-hai-chau/attrs'
 */
export function sensorMessages(
  city: City,
  seed: number,
  topicPrefix: string,
  at: Date,
): SensorMessage[] {
  const observedAt = at.toISOString();
  return sensorDevices(city).map((device) => ({
    topic: `${topicPrefix}/${device.deviceId}/attrs`,
    payload: JSON.stringify({ ...sensorMeasure(seed, city, device, at), observedAt }),
  }));
}

/**
 * The publisher of the demo city's MQTT sensors.
 * @example const publisher = createSimulatorPublisher(config, { log }); await publisher.start();
 */
export function createSimulatorPublisher(
  config: Pick<SimulatorConfig, 'seed' | 'publishEvery' | 'speed' | 'mqttUrl' | 'topicPrefix'>,
  options: SimulatorPublisherOptions = {},
): SimulatorPublisher {
  const city = options.city ?? daNang;
  const now = options.now ?? (() => new Date());
  const clock = simulatedClock(config.speed, options.origin ?? now());
  let client: MqttClient | undefined;
  let timer: NodeJS.Timeout | undefined;
  let inFlight: Promise<number> | undefined;

  const publishAll = async (): Promise<number> => {
    if (client === undefined)
      throw new Error('The simulator publisher is not started: call start() first');
    const connected = client;
    const simulated = clock(now());
    simulated.setUTCMilliseconds(0);
    const messages = sensorMessages(city, config.seed, config.topicPrefix, simulated);
    await Promise.all(
      messages.map(({ topic, payload }) => connected.publishAsync(topic, payload, { qos: 1 })),
    );
    return messages.length;
  };

  const tick = (): void => {
    if (inFlight !== undefined) return; // the broker is slow: skip a beat rather than pile up
    inFlight = publishAll()
      .catch((error: unknown) => {
        options.log?.warn(
          { err: error },
          'Simulated sensors could not publish; retrying at the next period',
        );
        return 0;
      })
      .finally(() => {
        inFlight = undefined;
      });
  };

  return {
    start() {
      if (client !== undefined) return Promise.resolve();
      client = mqtt.connect(config.mqttUrl, {
        clientId:
          options.clientId ?? `legocity-simulator-${Math.random().toString(16).slice(2, 10)}`,
        clean: true,
        reconnectPeriod: 1000,
        connectTimeout: 10_000,
      });
      client.on('error', (error) =>
        options.log?.warn({ err: error }, 'Simulator MQTT connection error'),
      );
      tick();
      timer = setInterval(tick, config.publishEvery);
      return Promise.resolve();
    },
    publishAll,
    async stop() {
      if (timer !== undefined) clearInterval(timer);
      timer = undefined;
      await inFlight;
      const closing = client;
      client = undefined;
      await closing?.endAsync();
    },
  };
}
