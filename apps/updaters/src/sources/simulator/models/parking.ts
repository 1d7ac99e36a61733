/**
 * Off-street parking (Smart Data Models OffStreetParking): each site fills along a daily curve of
 * its kind — offices on working days, shops in the evening, beaches early morning and late
 * afternoon, hospitals through the day, stations all day.
 */
import type { EntityBody } from '@legocity/broker-client';
import { cityClock, type CityClock } from '../city-time.js';
import type { ParkingSite } from '../city/city-types.js';
import {
  clamp,
  dateTimeProperty,
  DATA_PROVIDER,
  entityId,
  pointProperty,
  property,
  round,
} from '../ngsi.js';
import { smoothNoise } from '../prng.js';
import type { ModelInput } from './model-input.js';

type Peak = [centre: number, width: number, height: number];

/** Base occupancy and the peaks over it, per kind of site. */
const CURVES: Record<ParkingSite['pattern'], { base: number; peaks: Peak[]; weekend: number }> = {
  office: { base: 0.05, peaks: [[12, 3.2, 0.85]], weekend: 0.25 },
  shopping: {
    base: 0.08,
    peaks: [
      [11, 2, 0.35],
      [19.5, 2.2, 0.85],
    ],
    weekend: 1.15,
  },
  hospital: { base: 0.2, peaks: [[10, 3.5, 0.7]], weekend: 0.8 },
  beach: {
    base: 0.05,
    peaks: [
      [5.8, 1, 0.6],
      [17.5, 2, 0.8],
    ],
    weekend: 1.2,
  },
  transport: {
    base: 0.35,
    peaks: [
      [9, 3, 0.3],
      [18, 3, 0.4],
    ],
    weekend: 1.05,
  },
  tourism: { base: 0.05, peaks: [[15, 4, 0.75]], weekend: 1.2 },
};

/** Share of spots taken at a site and hour, before noise. */
function usualOccupancy(site: ParkingSite, clock: CityClock): number {
  const curve = CURVES[site.pattern];
  const peaks = curve.peaks.reduce(
    (sum, [centre, width, height]) =>
      sum + height * Math.exp(-((clock.hour - centre) ** 2) / (2 * width * width)),
    0,
  );
  return (curve.base + peaks) * (clock.isWeekend ? curve.weekend : 1);
}

/** OffStreetParking entities of every site at an instant. */
export function parkingEntities({ city, seed, at }: ModelInput): EntityBody[] {
  const observedAt = at.toISOString();
  const clock = cityClock(at);
  return city.parkings.map((site) => {
    const occupancy = clamp(
      usualOccupancy(site, clock) +
        0.06 * smoothNoise(seed, `parking|${site.slug}`, at.getTime(), 20 * 60_000),
      0,
      1,
    );
    const taken = Math.round(occupancy * site.totalSpotNumber);
    const available = site.totalSpotNumber - taken;
    const status =
      available === 0
        ? 'full'
        : available < site.totalSpotNumber * 0.1
          ? 'almostFull'
          : 'spacesAvailable';
    return {
      id: entityId('OffStreetParking', site.slug),
      type: 'OffStreetParking',
      name: property(site.name),
      alternateName: property(site.alternateName),
      location: pointProperty(site.position),
      category: property(['public', 'feeCharged']),
      totalSpotNumber: property(site.totalSpotNumber),
      availableSpotNumber: property(available, { observedAt }),
      occupancy: property(round(taken / site.totalSpotNumber, 2), { observedAt }),
      status: property(status, { observedAt }),
      dateObserved: dateTimeProperty(observedAt),
      dataProvider: property(DATA_PROVIDER),
    };
  });
}
