import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDevicesFile } from '../mqtt/devices-file.js';
import { daNang } from './city/da-nang.js';
import { sensorContracts } from './contract.js';
import { simulatorDevices, writeSimulatorDevices } from './simulator-devices.js';
import { sensorMessages } from './simulator-publisher.js';

describe('simulatorDevices', () => {
  const provisioning = simulatorDevices({});

  it('provisions every sensor of the city once, with ids the contracts accept', () => {
    const expected =
      daNang.weatherStations.length + daNang.airQualityStations.length + daNang.floodSensors.length;
    expect(provisioning.devices).toHaveLength(expected);
    expect(new Set(provisioning.devices.map((device) => device.deviceId)).size).toBe(expected);
    for (const device of provisioning.devices) {
      const type = provisioning.deviceTypes[device.deviceType];
      const contract = sensorContracts.find((candidate) => candidate.type === type.entityType)!;
      expect(device.entityId).toMatch(new RegExp(`^(?:${contract.idPattern})$`));
      expect(device.entityId.startsWith(type.entityIdPrefix)).toBe(true);
    }
  });

  it('is a provisioning file the MQTT source accepts', () => {
    const parsed = parseDevicesFile(JSON.parse(JSON.stringify(provisioning)));
    expect(parsed.ok ? [] : parsed.problems).toEqual([]);
  });

  it('maps every object the publisher sends', () => {
    const messages = sensorMessages(
      daNang,
      1,
      'legocity/devices',
      new Date('2025-06-01T00:00:00Z'),
    );
    for (const { topic, payload } of messages) {
      const device = provisioning.devices.find(
        (candidate) => candidate.deviceId === topic.split('/')[2],
      )!;
      const objects = provisioning.deviceTypes[device.deviceType].attributes.map(
        (mapping) => mapping.object,
      );
      for (const object of Object.keys(JSON.parse(payload) as object)) {
        if (object !== 'observedAt') expect(objects, device.deviceId).toContain(object);
      }
    }
  });

  it('writes the file, creating its folder', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'simulator-devices-'));
    try {
      const path = join(folder, 'nested', 'devices.json');
      await writeSimulatorDevices(path, {});
      expect(JSON.parse(await readFile(path, 'utf8'))).toEqual(provisioning);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
