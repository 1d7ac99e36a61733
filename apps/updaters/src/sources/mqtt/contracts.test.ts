import { describe, expect, it } from 'vitest';
import { deriveContracts } from './contracts.js';
import { parseDevicesFile } from './devices-file.js';
import { weatherDevices, weatherDevicesJson } from './test-devices.test-support.js';

describe('deriveContracts', () => {
  it('derives one contract per entity type from the mappings and static attributes', () => {
    expect(deriveContracts(weatherDevices())).toEqual([
      {
        type: 'WeatherObserved',
        version: '1.0.0',
        idPattern: 'urn:ngsi-ld:WeatherObserved:.+',
        attributes: [
          { name: 'temperature', kind: 'Property', valueType: 'number', unitCode: 'CEL' },
          { name: 'relativeHumidity', kind: 'Property', valueType: 'number', unitCode: 'P1' },
          { name: 'location', kind: 'GeoProperty' },
          { name: 'name', kind: 'Property' },
        ],
        description: 'Fed by MQTT devices of type weather-station.',
      },
    ]);
  });

  it('admits an explicit entity id outside the prefix, escaped', () => {
    const result = parseDevicesFile({
      ...weatherDevicesJson,
      devices: [{ deviceId: 'x1', deviceType: 'weather-station', entityId: 'urn:city:station.1' }],
    });
    if (!result.ok) throw new Error('fixture');
    const [contract] = deriveContracts(result.value);
    expect(contract?.idPattern).toBe('urn:ngsi-ld:WeatherObserved:.+|urn:city:station\\.1');
  });
});
