import { describe, expect, it } from 'vitest';
import { parseStations, stationId } from './stations.js';

describe('parseStations', () => {
  it('reads name@latitude,longitude entries separated by semicolons', () => {
    expect(parseStations(' Town Hall@45.1885,5.7245 ; Airport @ 45.3629 , -5.3294;')).toEqual({
      ok: true,
      value: [
        { id: 'town-hall', name: 'Town Hall', latitude: 45.1885, longitude: 5.7245 },
        { id: 'airport', name: 'Airport', latitude: 45.3629, longitude: -5.3294 },
      ],
    });
  });

  it('refuses an empty list', () => {
    expect(parseStations(' ; ')).toEqual({ ok: false, message: 'must list at least one station' });
  });

  it('names the station that is not written name@latitude,longitude', () => {
    expect(parseStations('A@1,2;B 45.1,5.2')).toEqual({
      ok: false,
      message: 'station 2 must be written name@latitude,longitude',
    });
  });

  it('refuses a latitude or longitude out of range', () => {
    expect(parseStations('A@91,2')).toMatchObject({
      message: 'station 1 must have a latitude between -90 and 90',
    });
    expect(parseStations('A@1,181')).toMatchObject({
      message: 'station 1 must have a longitude between -180 and 180',
    });
  });

  it('refuses two stations with the same id', () => {
    expect(parseStations('Gare@1,2;gare!@3,4')).toEqual({
      ok: false,
      message: 'station 2 has the same id "gare" as an earlier station',
    });
  });
});

describe('stationId', () => {
  it('drops accents and joins words with dashes', () => {
    expect(stationId('  Place de la Résistance (Nord) ')).toBe('place-de-la-resistance-nord');
  });
});
