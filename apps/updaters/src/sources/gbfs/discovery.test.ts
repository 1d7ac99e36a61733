import { describe, expect, it } from 'vitest';
import { readFixture } from '../../testing/source-testing.test-support.js';
import { readDiscovery } from './discovery.js';

const base = 'https://gbfs.lego-city.example/gbfs.json';
const fixture = (path: string): unknown => JSON.parse(readFixture(`gbfs/${path}`));

describe('readDiscovery', () => {
  it('reads the English feed list of a 2.3 file by default', () => {
    const result = readDiscovery(fixture('v2.3/gbfs.json'), base);
    expect(result).toMatchObject({
      ok: true,
      value: { version: '2.3', language: 'en', ttl: 3600 },
    });
    expect(result.ok && result.value.feeds.station_status).toBe(
      'https://gbfs.lego-city.example/v2.3/en/station_status.json',
    );
  });

  it('reads the configured language of a 2.3 file', () => {
    const result = readDiscovery(fixture('v2.3/gbfs.json'), base, 'fr');
    expect(result.ok && result.value.feeds.station_information).toBe(
      'https://gbfs.lego-city.example/v2.3/fr/station_information.json',
    );
  });

  it('names the languages on offer when the configured one is not', () => {
    expect(readDiscovery(fixture('v2.3/gbfs.json'), base, 'de')).toEqual({
      ok: false,
      problems: ['gbfs.json: data.de: no such language (listed: en, fr)'],
    });
  });

  it('reads the single feed list of a 3.0 file', () => {
    const result = readDiscovery(fixture('v3.0/gbfs.json'), base);
    expect(result).toMatchObject({ ok: true, value: { version: '3.0', ttl: 300 } });
    expect(result.ok && Object.keys(result.value.feeds)).toEqual([
      'system_information',
      'station_information',
      'station_status',
      'vehicle_types',
    ]);
  });

  it('resolves relative feed URLs against the discovery URL', () => {
    const body = { data: { feeds: [{ name: 'station_status', url: 'status.json' }] } };
    expect(readDiscovery(body, base)).toMatchObject({
      ok: true,
      value: {
        version: '1.0',
        feeds: { station_status: 'https://gbfs.lego-city.example/status.json' },
      },
    });
  });

  it('reports a file that is not a discovery file', () => {
    expect(readDiscovery('<html>', base)).toEqual({
      ok: false,
      problems: ['gbfs.json: data: expected an object'],
    });
    expect(readDiscovery({ data: { feeds: [{ name: 'x' }] } }, base)).toEqual({
      ok: false,
      problems: ['gbfs.json: feeds[0]: expected { name, url } strings'],
    });
  });
});
