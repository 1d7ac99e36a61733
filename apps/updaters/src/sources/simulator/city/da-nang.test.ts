import { describe, expect, it } from 'vitest';
import { distanceMetres, lineLengthMetres, type Position } from '../geo.js';
import { daNang } from './da-nang.js';

const [west, south, east, north] = daNang.bbox;
const inside = ([lon, lat]: Position) => lon >= west && lon <= east && lat >= south && lat <= north;

describe('the Da Nang demo city', () => {
  it('has 20 or more named streets, each sampled every few hundred metres', () => {
    expect(daNang.streets.length).toBeGreaterThanOrEqual(20);
    for (const street of daNang.streets) {
      expect(street.line.length, street.slug).toBeGreaterThanOrEqual(2);
      for (let index = 1; index < street.line.length; index += 1) {
        expect(
          distanceMetres(street.line[index - 1]!, street.line[index]!),
          street.slug,
        ).toBeLessThan(600);
      }
      expect(lineLengthMetres(street.line), street.slug).toBeGreaterThan(300);
    }
  });

  it('puts every position inside its bounding box', () => {
    const positions: Position[] = [
      ...daNang.streets.flatMap((street) => street.line),
      ...daNang.floodZones.flatMap((zone) => zone.ring),
      ...[
        ...daNang.floodSensors,
        ...daNang.weatherStations,
        ...daNang.airQualityStations,
        ...daNang.hospitals,
        ...daNang.parkings,
      ].map((site) => site.position),
    ];
    for (const position of positions) expect(inside(position), String(position)).toBe(true);
  });

  it('keeps the Han River centre between Bach Dang and Tran Hung Dao', () => {
    const bachDang = daNang.streets.find((street) => street.slug === 'bach-dang')!;
    const tranHungDao = daNang.streets.find((street) => street.slug === 'tran-hung-dao')!;
    expect(Math.max(...bachDang.line.map(([lon]) => lon))).toBeLessThan(108.226);
    expect(Math.min(...tranHungDao.line.map(([lon]) => lon))).toBeGreaterThan(108.228);
  });

  it('uses unique slugs and refers only to things it has', () => {
    const unique = (slugs: string[]) => expect(new Set(slugs).size).toBe(slugs.length);
    unique(daNang.streets.map((street) => street.slug));
    unique(daNang.floodZones.map((zone) => zone.slug));
    unique(daNang.floodSensors.map((sensor) => sensor.slug));
    unique(daNang.parkings.map((site) => site.slug));
    unique(daNang.hospitals.map((site) => site.slug));
    unique(daNang.emergencyBases.map((base) => base.slug));
    const streets = new Set(daNang.streets.map((street) => street.slug));
    const zones = new Set(daNang.floodZones.map((zone) => zone.slug));
    for (const base of daNang.emergencyBases)
      expect(streets.has(base.street), base.slug).toBe(true);
    for (const sensor of daNang.floodSensors)
      expect(zones.has(sensor.zone), sensor.slug).toBe(true);
    for (const slug of daNang.bikeStreets) expect(streets.has(slug), slug).toBe(true);
  });

  it('closes every flood-zone ring', () => {
    for (const zone of daNang.floodZones) {
      expect(zone.ring.length, zone.slug).toBeGreaterThanOrEqual(4);
      expect(zone.ring.at(-1), zone.slug).toEqual(zone.ring[0]);
    }
  });
});
