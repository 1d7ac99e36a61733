import { describe, expect, it } from 'vitest';
import { readSimulatorConfig } from './config.js';

describe('readSimulatorConfig', () => {
  it('runs the demo city in real time by default', () => {
    const result = readSimulatorConfig({});
    expect(result).toEqual({
      ok: true,
      value: {
        enabled: true,
        seed: 2025,
        every: 30_000,
        publishEvery: 30_000,
        speed: 1,
        mqttUrl: 'mqtt://127.0.0.1:1883',
        topicPrefix: 'legocity/devices',
        devicesFile: undefined,
      },
    });
  });

  it('reads the seed, periods and speed', () => {
    const result = readSimulatorConfig({
      LEGOCITY_UPDATERS_SIMULATOR_SEED: '7',
      LEGOCITY_UPDATERS_SIMULATOR_EVERY: '5s',
      LEGOCITY_UPDATERS_SIMULATOR_PUBLISH_EVERY: '1m',
      LEGOCITY_UPDATERS_SIMULATOR_SPEED: '60',
    });
    expect(result.ok && result.value).toMatchObject({
      seed: 7,
      every: 5000,
      publishEvery: 60_000,
      speed: 60,
    });
  });

  it('names every bad variable at once', () => {
    const result = readSimulatorConfig({
      LEGOCITY_UPDATERS_SIMULATOR_SPEED: '0',
      LEGOCITY_UPDATERS_SIMULATOR_EVERY: '10',
      LEGOCITY_UPDATERS_SIMULATOR_MQTT_URL: 'http://localhost:1883',
    });
    expect(result.ok ? [] : result.problems.map((problem) => problem.variable).sort()).toEqual([
      'LEGOCITY_UPDATERS_SIMULATOR_EVERY',
      'LEGOCITY_UPDATERS_SIMULATOR_MQTT_URL',
      'LEGOCITY_UPDATERS_SIMULATOR_SPEED',
    ]);
  });
});
