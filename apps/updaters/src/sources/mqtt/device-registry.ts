import type { JsonObject } from '@legocity/ngsi-ld';
import { PermanentError } from '@legocity/updater-runtime';
import { deviceOf, type Device, type DeviceType, type DevicesFile } from './devices.js';
import { messages } from './messages.js';
import type { DeviceTopic } from './topic.js';

/** The device a measure belongs to, or why it was refused. */
export type DeviceLookup =
  | { ok: true; device: Device; deviceType: DeviceType; isNew: boolean }
  | { ok: false; error: PermanentError };

/** Provisioned devices, plus those auto-provisioned while running. */
export interface DeviceRegistry {
  /** Find the device of a measure topic, auto-provisioning it when allowed. */
  resolve(topic: string, address: DeviceTopic): DeviceLookup;
  /** Every device with static attributes, as entities to write (once, at start). */
  staticEntities(): { id: string; type: string; [name: string]: JsonObject | string }[];
}

/**
 * A registry over a provisioning file. An unknown device is refused (PermanentError
 * 'unknown-device') unless auto-provisioning is on and the topic names a declared device type.
 * @example createDeviceRegistry(file, { autoProvision: true }).resolve(topic, { deviceType: 'weather-station', deviceId: 'ws-9' })
 */
export function createDeviceRegistry(
  file: DevicesFile,
  options: { autoProvision: boolean },
): DeviceRegistry {
  const devices = new Map(file.devices);
  const typeOf = (device: Device) => file.deviceTypes.get(device.deviceType) as DeviceType;
  return {
    resolve(topic, address) {
      const known = devices.get(address.deviceId);
      if (known) {
        if (address.deviceType !== undefined && address.deviceType !== known.deviceType)
          return refuse(
            'unknown-device',
            messages.wrongDeviceType(known.deviceId, address.deviceType, topic),
          );
        return { ok: true, device: known, deviceType: typeOf(known), isNew: false };
      }
      if (!options.autoProvision || address.deviceType === undefined)
        return refuse('unknown-device', messages.unknownDevice(address.deviceId, topic));
      const type = file.deviceTypes.get(address.deviceType);
      if (!type)
        return refuse('unknown-device', messages.unknownDeviceType(address.deviceType, topic));
      const device = { ...deviceOf(type, address.deviceId), isAutoProvisioned: true };
      devices.set(device.deviceId, device);
      return { ok: true, device, deviceType: type, isNew: true };
    },
    staticEntities() {
      return [...devices.values()]
        .filter((device) => Object.keys(device.staticAttributes).length > 0)
        .map((device) => staticEntity(device, typeOf(device)));
    },
  };
}

/**
 * The entity fragment carrying a device's static attributes.
 * @example staticEntity(device, type) // { id, type: 'WeatherObserved', location: {...}, name: {...} }
 */
export function staticEntity(
  device: Device,
  type: DeviceType,
): { id: string; type: string; [name: string]: JsonObject | string } {
  return { ...device.staticAttributes, id: device.entityId, type: type.entityType };
}

function refuse(kind: string, message: string): DeviceLookup {
  return { ok: false, error: new PermanentError(kind, message) };
}
