import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDevicesFileProblems, parseDevicesFile, readDevicesFile } from './devices-file.js';
import { weatherDevicesJson } from './test-devices.test-support.js';

const problemsOf = (raw: unknown) => {
  const result = parseDevicesFile(raw);
  return result.ok ? [] : result.problems;
};

describe('parseDevicesFile', () => {
  it('reads device types and devices, giving a device its id prefix + deviceId', () => {
    const result = parseDevicesFile(weatherDevicesJson);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.autoProvision).toBe(false);
    expect(result.value.devices.get('ws-001')).toEqual({
      deviceId: 'ws-001',
      deviceType: 'weather-station',
      entityId: 'urn:ngsi-ld:WeatherObserved:ws-001',
      staticAttributes: { name: { type: 'Property', value: 'Hai Chau station' } },
    });
    expect(result.value.deviceTypes.get('weather-station')?.attributes[2]).toEqual({
      object: 'loc',
      name: 'location',
      kind: 'GeoProperty',
    });
  });

  it('reports every problem at once, each by JSON path', () => {
    const problems = problemsOf({
      autoProvision: 'yes',
      deviceTypes: {
        'bad/type': { entityType: 'X', entityIdPrefix: 'urn:x:', attributes: [] },
        sensor: {
          entityType: 'Weather Observed',
          entityIdPrefix: 'not a uri',
          attributes: [
            { object: 't', name: 'id' },
            { object: 'h', name: 'humidity', valueType: 'float', unitCode: 'percent' },
            { object: 'x', name: 'a' },
            { object: 'x', name: 'b' },
          ],
        },
      },
      devices: [
        { deviceId: 'a/b', deviceType: 'sensor' },
        { deviceId: 'd1', deviceType: 'missing' },
        { deviceId: 'd2', deviceType: 'bad/type', entityId: 'no uri' },
      ],
    });
    expect(problems.map((problem) => problem.path)).toEqual([
      '$.autoProvision',
      '$.deviceTypes["bad/type"]',
      '$.deviceTypes.sensor.entityType',
      '$.deviceTypes.sensor.entityIdPrefix',
      '$.deviceTypes.sensor.attributes[0].name',
      '$.deviceTypes.sensor.attributes[1].valueType',
      '$.deviceTypes.sensor.attributes[1].unitCode',
      '$.deviceTypes.sensor.attributes[3].object',
      '$.devices[0].deviceId',
      '$.devices[1].deviceType',
      '$.devices[2].entityId',
    ]);
    expect(problems.find((p) => p.path === '$.devices[1].deviceType')?.message).toBe(
      'device type "missing" is not declared in $.deviceTypes',
    );
  });

  it('refuses a device provisioned twice and two devices feeding one entity', () => {
    const device = weatherDevicesJson.devices[0];
    const problems = problemsOf({
      ...weatherDevicesJson,
      devices: [
        device,
        device,
        {
          deviceId: 'ws-002',
          deviceType: 'weather-station',
          entityId: 'urn:ngsi-ld:WeatherObserved:ws-001',
        },
      ],
    });
    expect(formatDevicesFileProblems(problems)).toBe(
      '$.devices[1].deviceId: device "ws-001" is provisioned twice\n' +
        '$.devices[2]: entity urn:ngsi-ld:WeatherObserved:ws-001 is already fed by device "ws-001"',
    );
  });

  it('refuses a static attribute that is not a normalized attribute', () => {
    const problems = problemsOf({
      ...weatherDevicesJson,
      devices: [
        {
          deviceId: 'ws-9',
          deviceType: 'weather-station',
          staticAttributes: { name: 'Station 9' },
        },
      ],
    });
    expect(problems).toEqual([
      {
        path: '$.devices[0].staticAttributes.name',
        message:
          'must be a normalized attribute with "type" one of: Property, GeoProperty, Relationship, LanguageProperty, VocabProperty, JsonProperty, ListProperty, ListRelationship',
      },
    ]);
  });

  it('refuses two device types mapping one attribute of an entity type differently', () => {
    const problems = problemsOf({
      deviceTypes: {
        a: {
          entityType: 'T',
          entityIdPrefix: 'urn:t:',
          attributes: [{ object: 't', name: 'temperature', unitCode: 'CEL' }],
        },
        b: {
          entityType: 'T',
          entityIdPrefix: 'urn:t:b:',
          attributes: [{ object: 'f', name: 'temperature', unitCode: 'FAH' }],
        },
      },
      devices: [],
    });
    expect(problems.map((problem) => problem.path)).toEqual(['$.deviceTypes.b.attributes[0]']);
  });

  it('says what the top level must be', () => {
    expect(problemsOf([])).toEqual([
      { path: '$', message: 'must be a JSON object with "deviceTypes" and "devices"' },
    ]);
  });
});

describe('readDevicesFile', () => {
  it('reads a file with a UTF-8 BOM and names a file that is not JSON', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mqtt-devices-'));
    const good = join(dir, 'devices.json');
    await writeFile(good, `\uFEFF${JSON.stringify(weatherDevicesJson)}`);
    expect((await readDevicesFile(good)).ok).toBe(true);
    const bad = join(dir, 'bad.json');
    await writeFile(bad, '{');
    const result = await readDevicesFile(bad);
    expect(result.ok ? [] : result.problems[0]?.message).toMatch(
      /^device file .*bad\.json is not valid JSON/,
    );
    const missing = await readDevicesFile(join(dir, 'none.json'));
    expect(missing.ok ? '' : missing.problems[0]?.message).toMatch(/cannot be read \(ENOENT\)$/);
  });
});
