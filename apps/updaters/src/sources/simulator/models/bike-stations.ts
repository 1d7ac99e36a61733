/**
 * Bike-share docking stations (Smart Data Models BikeHireDockingStation), laid out every few
 * hundred metres along the central and beach streets. Bikes drift between stations: the centre
 * empties towards the beach in the afternoon and refills in the morning.
 */
import type { EntityBody } from '@legocity/broker-client';
import { cityClock } from '../city-time.js';
import type { City } from '../city/city-types.js';
import { lineLengthMetres, pointAlong, type Position } from '../geo.js';
import {
  clamp,
  dateTimeProperty,
  DATA_PROVIDER,
  entityId,
  pointProperty,
  property,
} from '../ngsi.js';
import { integerBetween, smoothNoise } from '../prng.js';
import type { ModelInput } from './model-input.js';

/** A docking station placed along a street. */
export interface BikeStation {
  slug: string;
  name: string;
  position: Position;
  /** Near the beach: fills in the afternoon. */
  isCoastal: boolean;
}

/** The docking stations of a city, in a stable order (no randomness: geography only). */
export function bikeStations(city: City): BikeStation[] {
  return city.bikeStreets.flatMap((slug) => {
    const street = city.streets.find((candidate) => candidate.slug === slug);
    if (street === undefined)
      throw new Error(`Bike street '${slug}' is not one of the city's streets`);
    const length = lineLengthMetres(street.line);
    const count = Math.max(1, Math.floor(length / city.bikeStationSpacing));
    return Array.from({ length: count }, (_, index) => ({
      slug: `${street.slug}-${index + 1}`,
      name: `${street.name} ${index + 1}`,
      // Stations sit half a spacing from each other's ends, never at a junction.
      position: pointAlong(street.line, ((index + 0.5) * length) / count).position,
      isCoastal: street.kind === 'coastal' || street.line[0]![0] > 108.235,
    }));
  });
}

/** BikeHireDockingStation entities of every station at an instant. */
export function bikeStationEntities({ city, seed, at }: ModelInput): EntityBody[] {
  const observedAt = at.toISOString();
  const clock = cityClock(at);
  const time = at.getTime();
  // +1 when bikes have moved to the beach (afternoon, evening), -1 when back in the centre.
  const tideOfBikes = Math.sin((2 * Math.PI * (clock.hour - 11)) / 24);
  return bikeStations(city).map((station) => {
    const total = integerBetween(seed, 10, 24, 'bike-docks', station.slug);
    const share = clamp(
      0.5 +
        0.25 * tideOfBikes * (station.isCoastal ? 1 : -1) +
        0.2 * smoothNoise(seed, `bikes|${station.slug}`, time, 40 * 60_000) +
        0.1 * smoothNoise(seed, `bikes-slow|${station.slug}`, time, 4 * 3_600_000),
      0,
      1,
    );
    const bikes = Math.round(share * total);
    return {
      id: entityId('BikeHireDockingStation', station.slug),
      type: 'BikeHireDockingStation',
      name: property(station.name),
      location: pointProperty(station.position),
      status: property('working'),
      totalSlotNumber: property(total),
      availableBikeNumber: property(bikes, { observedAt }),
      freeSlotNumber: property(total - bikes, { observedAt }),
      dateLastReported: dateTimeProperty(observedAt),
      dataProvider: property(DATA_PROVIDER),
    };
  });
}
