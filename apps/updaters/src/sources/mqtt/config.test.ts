import { describe, expect, it } from 'vitest';
import { readMqttConfig } from './config.js';

describe('readMqttConfig', () => {
  it('defaults to the local Mosquitto with a stable client id', () => {
    const result = readMqttConfig({});
    expect(result.ok && result.value).toMatchObject({
      url: 'mqtt://127.0.0.1:1883',
      clientId: 'legocity-updaters-mqtt',
      topicPrefix: 'legocity/devices',
      autoProvision: undefined,
      sessionExpiry: 7 * 86_400_000,
    });
  });

  it('names every wrong variable without repeating its value', () => {
    const result = readMqttConfig({
      LEGOCITY_UPDATERS_MQTT_URL: 'http://secret-host:1883',
      LEGOCITY_UPDATERS_MQTT_AUTO_PROVISION: 'maybe',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((problem) => problem.variable)).toEqual([
      'LEGOCITY_UPDATERS_MQTT_URL',
      'LEGOCITY_UPDATERS_MQTT_AUTO_PROVISION',
    ]);
    expect(JSON.stringify(result.problems)).not.toContain('secret-host');
  });
});
