import { readFileSync } from 'node:fs';
import {
  boolean,
  duration,
  integer,
  loadConfig,
  number,
  path,
  string,
  url,
  type ConfigOf,
  type LoadConfigResult,
} from '@legocity/config';

/** Settings of the demo-city simulator, read once at start-up (`LEGOCITY_UPDATERS_SIMULATOR_*`). */
export const simulatorConfigSchema = {
  enabled: boolean({
    env: 'LEGOCITY_UPDATERS_SIMULATOR_ENABLED',
    default: true,
    description: 'Run the Da Nang demo city (polled entities and MQTT sensors).',
  }),
  seed: integer({
    env: 'LEGOCITY_UPDATERS_SIMULATOR_SEED',
    min: 0,
    max: 4_294_967_295,
    default: 2025,
    description:
      'Seed of the simulation: the same seed and simulated time always give the same city.',
  }),
  every: duration({
    env: 'LEGOCITY_UPDATERS_SIMULATOR_EVERY',
    default: 30_000,
    description:
      'How often the polled entities (traffic, parking, bikes, flood zones, hospitals, incidents, vehicles) are recomputed and written.',
  }),
  publishEvery: duration({
    env: 'LEGOCITY_UPDATERS_SIMULATOR_PUBLISH_EVERY',
    default: 30_000,
    description:
      'How often each simulated MQTT sensor (weather, air quality, water level) publishes a measure.',
  }),
  speed: number({
    env: 'LEGOCITY_UPDATERS_SIMULATOR_SPEED',
    min: 0.01,
    max: 10_000,
    default: 1,
    description:
      'Simulated seconds per real second, counted from start-up (60: an hour a minute). 1 follows the wall clock.',
  }),
  mqttUrl: url({
    env: 'LEGOCITY_UPDATERS_SIMULATOR_MQTT_URL',
    protocols: ['mqtt:', 'mqtts:', 'ws:', 'wss:'],
    default: 'mqtt://127.0.0.1:1883',
    description: 'MQTT broker the simulated sensors publish to (the one the MQTT source reads).',
  }),
  topicPrefix: string({
    env: 'LEGOCITY_UPDATERS_SIMULATOR_TOPIC_PREFIX',
    default: 'legocity/devices',
    description:
      'Measures go to `<prefix>/<deviceId>/attrs`; keep it equal to LEGOCITY_UPDATERS_MQTT_TOPIC_PREFIX.',
  }),
  devicesFile: path({
    env: 'LEGOCITY_UPDATERS_SIMULATOR_DEVICES_FILE',
    optional: true,
    description:
      'Where to write the provisioning file of the simulated sensors at start-up (point LEGOCITY_UPDATERS_MQTT_DEVICES at it). Unset: not written.',
  }),
};

export type SimulatorConfig = ConfigOf<typeof simulatorConfigSchema>;

/**
 * Read the simulator's configuration from an environment (default: this process's).
 * @example const result = readSimulatorConfig(); if (result.ok) createSimulatorSource(result.value);
 */
export function readSimulatorConfig(
  env: NodeJS.ProcessEnv = process.env,
): LoadConfigResult<SimulatorConfig> {
  return loadConfig(simulatorConfigSchema, { env, readFile: (file) => readFileSync(file, 'utf8') });
}
