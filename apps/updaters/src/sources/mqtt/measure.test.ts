import { describe, expect, it } from 'vitest';
import { PermanentError } from '@legocity/updater-runtime';
import type { Device, DeviceType } from './devices.js';
import { toEntityFragments } from './measure.js';
import { weatherDevices } from './test-devices.test-support.js';

const file = weatherDevices();
const device = file.devices.get('ws-001') as Device;
const deviceType = file.deviceTypes.get('weather-station') as DeviceType;
const topic = 'legocity/devices/ws-001/attrs';
const receivedAt = new Date('2025-01-01T10:00:00.000Z');
const measure = (payload: string) =>
  toEntityFragments({ topic, payload, device, deviceType, receivedAt });

describe('toEntityFragments', () => {
  it('maps known objects to attributes with unit and the payload observedAt', () => {
    const result = measure('{"t":21.5,"h":"60","observedAt":"2025-01-01T09:59:00+01:00"}');
    expect(result.problems).toEqual([]);
    expect(result.fragments).toEqual([
      {
        id: 'urn:ngsi-ld:WeatherObserved:ws-001',
        type: 'WeatherObserved',
        temperature: {
          type: 'Property',
          value: 21.5,
          unitCode: 'CEL',
          observedAt: '2025-01-01T08:59:00.000Z',
        },
        relativeHumidity: {
          type: 'Property',
          value: 60,
          unitCode: 'P1',
          observedAt: '2025-01-01T08:59:00.000Z',
        },
      },
    ]);
  });

  it('uses the receive time when the measure carries no observedAt', () => {
    const [fragment] = measure('{"t":1}').fragments;
    expect(fragment?.temperature).toMatchObject({ observedAt: '2025-01-01T10:00:00.000Z' });
  });

  it('maps a GeoJSON object to a GeoProperty', () => {
    const [fragment] = measure('{"loc":{"type":"Point","coordinates":[108.2,16.1]}}').fragments;
    expect(fragment?.location).toEqual({
      type: 'GeoProperty',
      value: { type: 'Point', coordinates: [108.2, 16.1] },
      observedAt: receivedAt.toISOString(),
    });
  });

  it('reports an unknown object by device and object and keeps the rest of the measure', () => {
    const result = measure('{"t":2,"x":9}');
    expect(result.fragments[0]).toHaveProperty('temperature');
    expect(result.fragments[0]).not.toHaveProperty('x');
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toBeInstanceOf(PermanentError);
    expect(result.problems[0]?.kind).toBe('unknown-object');
    expect(result.problems[0]?.message).toBe(
      "Device ws-001 sent unknown object 'x': it is not mapped by its device type",
    );
  });

  it('refuses a value of the wrong type, naming the attribute and the rule', () => {
    const result = measure('{"t":"warm","h":50}');
    expect(result.fragments[0]).not.toHaveProperty('temperature');
    expect(result.problems.map((problem) => problem.message)).toEqual([
      "Attribute 'temperature' of device ws-001 is invalid: value must be a number",
    ]);
  });

  it('refuses a payload that is not JSON with a PermanentError naming the topic', () => {
    const result = measure('{"t":');
    expect(result.fragments).toEqual([]);
    expect(result.problems[0]?.kind).toBe('parse');
    expect(result.problems[0]?.message).toMatch(
      /^Measure on legocity\/devices\/ws-001\/attrs is not JSON: /,
    );
  });

  it('refuses an observation whose observedAt is not a DateTime', () => {
    const result = measure('{"t":1,"observedAt":"yesterday"}');
    expect(result.fragments).toEqual([]);
    expect(result.problems[0]?.message).toBe(
      'Measure on legocity/devices/ws-001/attrs is invalid: observedAt must be an ISO 8601 DateTime',
    );
  });

  it('turns an array of observations into fragments, oldest first', () => {
    const result = measure(
      '[{"t":2,"observedAt":"2025-01-01T09:00:02Z"},{"t":1,"observedAt":"2025-01-01T09:00:01Z"}]',
    );
    expect(
      result.fragments.map((fragment) => (fragment.temperature as { value: number }).value),
    ).toEqual([1, 2]);
  });

  it('gives no fragment for a measure with nothing mapped', () => {
    expect(measure('{"observedAt":"2025-01-01T09:00:00Z"}')).toEqual({
      fragments: [],
      problems: [],
    });
  });
});
