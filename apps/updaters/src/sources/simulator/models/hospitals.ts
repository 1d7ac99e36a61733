/**
 * Hospitals (MedicalFacility, schema.org's name; Smart Data Models has no hospital-with-beds
 * type): beds fill during the week and free up a little at weekends, with admissions drifting.
 */
import type { EntityBody } from '@legocity/broker-client';
import { cityClock } from '../city-time.js';
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

/** MedicalFacility entities of every hospital at an instant. */
export function hospitalEntities({ city, seed, at }: ModelInput): EntityBody[] {
  const observedAt = at.toISOString();
  const clock = cityClock(at);
  return city.hospitals.map((hospital) => {
    const occupancy = clamp(
      hospital.usualOccupancy -
        (clock.isWeekend ? 0.04 : 0) +
        0.05 * smoothNoise(seed, `beds|${hospital.slug}`, at.getTime(), 6 * 3_600_000) +
        0.02 * smoothNoise(seed, `beds-fast|${hospital.slug}`, at.getTime(), 3_600_000),
      0.2,
      0.99,
    );
    const occupied = Math.round(occupancy * hospital.totalBedNumber);
    return {
      id: entityId('MedicalFacility', hospital.slug),
      type: 'MedicalFacility',
      name: property(hospital.name),
      alternateName: property(hospital.alternateName),
      category: property(['hospital']),
      location: pointProperty(hospital.position),
      totalBedNumber: property(hospital.totalBedNumber),
      availableBedNumber: property(hospital.totalBedNumber - occupied, { observedAt }),
      bedOccupancy: property(round(occupied / hospital.totalBedNumber, 3), { observedAt }),
      dateObserved: dateTimeProperty(observedAt),
      dataProvider: property(DATA_PROVIDER),
    };
  });
}
