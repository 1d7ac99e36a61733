import { readFileSync } from 'node:fs';
import {
  boolean,
  duration,
  integer,
  loadConfig,
  oneOf,
  path,
  string,
  url,
  type ConfigOf,
  type LoadConfigResult,
} from '@legocity/config';

/** Topic prefix of device measures: `<prefix>/<deviceId>/attrs`. */
export const DEFAULT_TOPIC_PREFIX = 'legocity/devices';

/**
 * Settings of the MQTT sensors source, read once at start-up from the environment (and *_FILE
 * secrets). The README's configuration table lists the same names.
 */
export const mqttConfigSchema = {
  url: url({
    env: 'LEGOCITY_UPDATERS_MQTT_URL',
    protocols: ['mqtt:', 'mqtts:', 'tcp:', 'ssl:', 'tls:', 'ws:', 'wss:'],
    default: 'mqtt://127.0.0.1:1883',
    description: 'MQTT broker the sensors publish to (Mosquitto in production).',
  }),
  clientId: string({
    env: 'LEGOCITY_UPDATERS_MQTT_CLIENT_ID',
    default: 'legocity-updaters-mqtt',
    description:
      'MQTT client id. Keep it stable: the persistent session (and the measures queued while the update server is away) belongs to it. One id per running update server.',
  }),
  username: string({
    env: 'LEGOCITY_UPDATERS_MQTT_USERNAME',
    optional: true,
    description: 'MQTT user name.',
  }),
  password: string({
    env: 'LEGOCITY_UPDATERS_MQTT_PASSWORD',
    optional: true,
    secret: true,
    description: 'MQTT password.',
  }),
  devicesFile: path({
    env: 'LEGOCITY_UPDATERS_MQTT_DEVICES',
    optional: true,
    description:
      'JSON provisioning file: device types (attribute mappings) and devices. Unset: no device is known, only auto-provisioning can add some.',
  }),
  topicPrefix: string({
    env: 'LEGOCITY_UPDATERS_MQTT_TOPIC_PREFIX',
    default: DEFAULT_TOPIC_PREFIX,
    description: 'Measures are read from `<prefix>/<deviceId>/attrs`.',
  }),
  autoProvision: boolean({
    env: 'LEGOCITY_UPDATERS_MQTT_AUTO_PROVISION',
    optional: true,
    description:
      "Accept unknown devices publishing on `<prefix>/<deviceType>/<deviceId>/attrs`. Unset: the provisioning file's `autoProvision` (default false).",
  }),
  stateDir: path({
    env: 'LEGOCITY_UPDATERS_MQTT_STATE_DIR',
    default: '.legocity/updaters/mqtt',
    description:
      'Folder of the session marker, which tells a lost MQTT session from a first connection after a restart.',
  }),
  sessionExpiry: duration({
    env: 'LEGOCITY_UPDATERS_MQTT_SESSION_EXPIRY',
    default: 7 * 86_400_000,
    description:
      'How long the MQTT broker keeps our session and queues measures for us while the update server is away (MQTT 5 Session Expiry Interval).',
  }),
  periodMs: duration({
    env: 'LEGOCITY_UPDATERS_MQTT_PERIOD',
    default: 60_000,
    description:
      'How often measures are expected; no measure for period + grace marks the source down.',
  }),
  graceMs: duration({
    env: 'LEGOCITY_UPDATERS_MQTT_GRACE',
    default: 300_000,
    description: 'How much later than the period measures may arrive before the source is down.',
  }),
  protocol: oneOf(['auto', '5', '3.1.1'] as const, {
    env: 'LEGOCITY_UPDATERS_MQTT_PROTOCOL',
    default: 'auto',
    description:
      'MQTT version: `auto` speaks MQTT 5 and falls back to 3.1.1 when the broker refuses it (the embedded aedes broker speaks 3.1.1 only).',
  }),
  receiveMaximum: integer({
    env: 'LEGOCITY_UPDATERS_MQTT_RECEIVE_MAXIMUM',
    min: 1,
    max: 65535,
    default: 1000,
    description:
      'MQTT 5 Receive Maximum: unacknowledged measures the broker may send at once (they are written in batches and acknowledged once queued).',
  }),
};

export type MqttConfig = ConfigOf<typeof mqttConfigSchema>;

/**
 * Read the MQTT source's configuration from an environment (default: this process's).
 * @example const result = readMqttConfig(); if (!result.ok) console.error(formatProblems(result.problems));
 */
export function readMqttConfig(env: NodeJS.ProcessEnv = process.env): LoadConfigResult<MqttConfig> {
  return loadConfig(mqttConfigSchema, { env, readFile: (file) => readFileSync(file, 'utf8') });
}
