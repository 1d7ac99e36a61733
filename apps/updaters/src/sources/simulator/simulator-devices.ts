/**
 * The provisioning file of the simulator's MQTT devices, in the format the MQTT source reads
 * (deviceTypes + devices with static attributes): hand it to the MQTT source
 * (LEGOCITY_UPDATERS_MQTT_DEVICES) and the simulator's measures become entities.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { JsonObject } from '@legocity/ngsi-ld';
import type { City } from './city/city-types.js';
import { daNang } from './city/da-nang.js';
import { FLOOD_THRESHOLDS } from './models/flood.js';
import { DATA_PROVIDER, entityId, pointProperty, property, relationship } from './ngsi.js';
import { sensorDevices, type SensorDevice, type SensorDeviceType } from './sensors.js';

/** How one MQTT object becomes an attribute. */
export interface ProvisionedAttribute {
  object: string;
  name: string;
  valueType?: 'number' | 'integer' | 'string';
  unitCode?: string;
  kind?: 'Property' | 'GeoProperty';
}

/** A device type of the provisioning file. */
export interface ProvisionedDeviceType {
  entityType: string;
  entityIdPrefix: string;
  attributes: ProvisionedAttribute[];
  staticAttributes: Record<string, JsonObject>;
}

/** A device of the provisioning file. */
export interface ProvisionedDevice {
  deviceId: string;
  deviceType: SensorDeviceType;
  entityId: string;
  staticAttributes: Record<string, JsonObject>;
}

/** The whole provisioning file. */
export interface DeviceProvisioning {
  autoProvision: boolean;
  deviceTypes: Record<SensorDeviceType, ProvisionedDeviceType>;
  devices: ProvisionedDevice[];
}

const number = (object: string, name: string, unitCode?: string): ProvisionedAttribute =>
  unitCode === undefined
    ? { object, name, valueType: 'number' }
    : { object, name, valueType: 'number', unitCode };

/** Object id → attribute mapping of each device type. */
export const DEVICE_TYPES: Record<SensorDeviceType, ProvisionedDeviceType> = {
  'weather-station': {
    entityType: 'WeatherObserved',
    entityIdPrefix: 'urn:ngsi-ld:WeatherObserved:',
    attributes: [
      number('t', 'temperature', 'CEL'),
      number('h', 'relativeHumidity', 'C62'),
      number('p', 'atmosphericPressure', 'A97'),
      number('ws', 'windSpeed', 'MTS'),
      number('wd', 'windDirection', 'DD'),
      number('r', 'precipitation', 'MMT'),
    ],
    staticAttributes: { dataProvider: property(DATA_PROVIDER) },
  },
  'air-quality-station': {
    entityType: 'AirQualityObserved',
    entityIdPrefix: 'urn:ngsi-ld:AirQualityObserved:',
    attributes: [
      number('pm25', 'pm25', 'GQ'),
      number('pm10', 'pm10', 'GQ'),
      number('no2', 'no2', 'GQ'),
      number('o3', 'o3', 'GQ'),
      number('co', 'co', 'GQ'),
      { object: 'aqi', name: 'airQualityIndex', valueType: 'integer' },
      { object: 'aql', name: 'airQualityLevel', valueType: 'string' },
    ],
    staticAttributes: { dataProvider: property(DATA_PROVIDER) },
  },
  'water-level-sensor': {
    entityType: 'FloodMonitoring',
    entityIdPrefix: 'urn:ngsi-ld:FloodMonitoring:',
    attributes: [number('lvl', 'currentLevel', 'MTR')],
    staticAttributes: { dataProvider: property(DATA_PROVIDER) },
  },
};

/** The static attributes of one device: where it is, what it is called, its thresholds. */
function deviceStaticAttributes(device: SensorDevice): Record<string, JsonObject> {
  const attributes: Record<string, JsonObject> = {
    location: pointProperty(device.site.position),
    name: property(device.site.name),
    alternateName: property(device.site.alternateName),
  };
  if (device.floodSensor !== undefined) {
    const thresholds = FLOOD_THRESHOLDS[device.floodSensor.kind];
    attributes.alertLevel = property(thresholds.alertLevel, { unitCode: 'MTR' });
    attributes.dangerLevel = property(thresholds.dangerLevel, { unitCode: 'MTR' });
    attributes.sensorPlacement = property(device.floodSensor.kind);
    attributes.refFloodRiskZone = relationship(entityId('FloodRiskZone', device.floodSensor.zone));
  }
  return attributes;
}

/**
 * The provisioning file content for the simulator's devices.
 * @example JSON.stringify(simulatorDevices({}), null, 2)
 */
export function simulatorDevices(config: { city?: City } = {}): DeviceProvisioning {
  const city = config.city ?? daNang;
  return {
    autoProvision: false,
    deviceTypes: DEVICE_TYPES,
    devices: sensorDevices(city).map((device) => ({
      deviceId: device.deviceId,
      deviceType: device.deviceType,
      entityId: entityId(device.entityType, device.site.slug),
      staticAttributes: deviceStaticAttributes(device),
    })),
  };
}

/**
 * Writes the provisioning file (creating its folder), for the MQTT source to read.
 * @example await writeSimulatorDevices('.legocity/updaters/simulator-devices.json', {})
 */
export async function writeSimulatorDevices(
  path: string,
  config: { city?: City } = {},
): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, `${JSON.stringify(simulatorDevices(config), null, 2)}\n`, 'utf8');
}
