/**
 * Emergency incidents (Smart Data Models Alert) and the vehicles answering them
 * (EmergencyVehicle, after the Smart Data Models Vehicle): each base has one incident entity and
 * one vehicle, both with stable ids, updated in place as missions come and go.
 */
import type { EntityBody } from '@legocity/broker-client';
import type { EmergencyBase, Street } from '../city/city-types.js';
import { pointAlong } from '../geo.js';
import {
  DATA_PROVIDER,
  dateTimeProperty,
  entityId,
  pointProperty,
  property,
  relationship,
  round,
} from '../ngsi.js';
import { integerBetween } from '../prng.js';
import { currentMission, type Mission } from './missions.js';
import type { ModelInput } from './model-input.js';

/** What a vehicle is doing. */
export type VehicleStatus = 'available' | 'enRoute' | 'onScene' | 'returning';

/** Dispatch numbers in Vietnam: 113 police, 114 fire, 115 medical emergency. */
const DISPATCH: Record<EmergencyBase['vehicleType'], string> = {
  police: 'Da Nang 113 dispatch',
  fireTender: 'Da Nang 114 dispatch',
  ambulance: 'Da Nang 115 dispatch',
};

/** Ids of the incident and the vehicle of a base. */
export function emergencyIds(base: EmergencyBase): { alert: string; vehicle: string } {
  return {
    alert: entityId('Alert', `incident-${base.slug}`),
    vehicle: entityId('EmergencyVehicle', base.slug),
  };
}

/** The street a base's vehicle drives on. */
export function streetOf(streets: readonly Street[], base: EmergencyBase): Street {
  const street = streets.find((candidate) => candidate.slug === base.street);
  if (street === undefined)
    throw new Error(
      `Emergency base '${base.slug}' names street '${base.street}', which the city does not have`,
    );
  return street;
}

/** Where a vehicle is and what it does at an instant of its mission. */
export function vehicleState(
  mission: Mission,
  timeMs: number,
): {
  status: VehicleStatus;
  offset: number;
  speedKmh: number;
  towardScene: boolean;
} {
  const { baseOffset, sceneOffset } = mission;
  const progress = (from: number, to: number): number => (timeMs - from) / (to - from);
  if (timeMs < mission.dispatchedAt || timeMs >= mission.backAt) {
    return { status: 'available', offset: baseOffset, speedKmh: 0, towardScene: true };
  }
  if (timeMs < mission.arrivedAt) {
    const offset =
      baseOffset + (sceneOffset - baseOffset) * progress(mission.dispatchedAt, mission.arrivedAt);
    return { status: 'enRoute', offset, speedKmh: mission.outboundKmh, towardScene: true };
  }
  if (timeMs < mission.leftSceneAt) {
    return { status: 'onScene', offset: sceneOffset, speedKmh: 0, towardScene: true };
  }
  const offset =
    sceneOffset + (baseOffset - sceneOffset) * progress(mission.leftSceneAt, mission.backAt);
  return { status: 'returning', offset, speedKmh: mission.returnKmh, towardScene: false };
}

/** Alert and EmergencyVehicle entities of every base at an instant. */
export function emergencyEntities({ city, seed, at }: ModelInput): EntityBody[] {
  const time = at.getTime();
  const observedAt = at.toISOString();
  return city.emergencyBases.flatMap((base) => {
    const street = streetOf(city.streets, base);
    const mission = currentMission(seed, base, street, time);
    const ids = emergencyIds(base);
    const isActive = time < mission.leftSceneAt;
    const scene = pointAlong(street.line, mission.sceneOffset).position;
    const alert: EntityBody = {
      id: ids.alert,
      type: 'Alert',
      name: property(`${mission.kind.name} – ${street.name}`),
      description: property(`${mission.kind.alternateName} on ${street.name}`),
      category: property(mission.kind.category),
      subCategory: property(mission.kind.subCategory),
      severity: property(mission.severity),
      location: pointProperty(scene),
      dateIssued: dateTimeProperty(new Date(mission.issuedAt).toISOString()),
      validFrom: dateTimeProperty(new Date(mission.issuedAt).toISOString()),
      validTo: dateTimeProperty(new Date(mission.leftSceneAt).toISOString()),
      alertSource: property(DISPATCH[base.vehicleType]),
      status: property(isActive ? 'active' : 'resolved', { observedAt }),
      refEmergencyVehicle: relationship(ids.vehicle),
      dataProvider: property(DATA_PROVIDER),
    };
    const state = vehicleState(mission, time);
    const here = pointAlong(street.line, state.offset);
    // Heading is the direction of travel; a parked vehicle faces along the street.
    const heading =
      state.towardScene === mission.sceneOffset >= mission.baseOffset
        ? here.bearing
        : (here.bearing + 180) % 360;
    const vehicle: EntityBody = {
      id: ids.vehicle,
      type: 'EmergencyVehicle',
      name: property(base.name),
      alternateName: property(base.alternateName),
      vehicleType: property(base.vehicleType),
      vehiclePlateIdentifier: property(
        `43A-${integerBetween(seed, 100, 999, 'plate', base.slug)}.${integerBetween(seed, 10, 99, 'plate2', base.slug)}`,
      ),
      location: pointProperty(here.position, observedAt),
      heading: property(round(heading, 0) % 360, { unitCode: 'DD', observedAt }),
      speed: property(round(state.speedKmh, 1), { unitCode: 'KMH', observedAt }),
      status: property(state.status, { observedAt }),
      serviceStatus: property(state.speedKmh > 0 ? 'onRoute' : 'parked', { observedAt }),
      refAlert: relationship(ids.alert),
      dataProvider: property(DATA_PROVIDER),
    };
    return [alert, vehicle];
  });
}
