import type { DevicesFile } from './devices.js';
import { parseDevicesFile } from './devices-file.js';

/** The provisioning file of the format description: one weather station type, one device. */
export const weatherDevicesJson = {
  autoProvision: false,
  deviceTypes: {
    'weather-station': {
      entityType: 'WeatherObserved',
      entityIdPrefix: 'urn:ngsi-ld:WeatherObserved:',
      attributes: [
        { object: 't', name: 'temperature', valueType: 'number', unitCode: 'CEL' },
        { object: 'h', name: 'relativeHumidity', valueType: 'number', unitCode: 'P1' },
        { object: 'loc', name: 'location', kind: 'GeoProperty' },
      ],
    },
  },
  devices: [
    {
      deviceId: 'ws-001',
      deviceType: 'weather-station',
      staticAttributes: {
        name: { type: 'Property', value: 'Hai Chau station' },
      },
    },
  ],
};

/** `weatherDevicesJson`, parsed (with overrides of the top level). */
export function weatherDevices(overrides: Record<string, unknown> = {}): DevicesFile {
  const result = parseDevicesFile({ ...weatherDevicesJson, ...overrides });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value;
}
