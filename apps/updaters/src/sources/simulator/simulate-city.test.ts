import type { EntityBody } from '@legocity/broker-client';
import { validateEntity } from '@legocity/updater-runtime';
import { describe, expect, it } from 'vitest';
import { daNang } from './city/da-nang.js';
import { polledContracts, sensorContracts } from './contract.js';
import { distanceToLineMetres, type Position } from './geo.js';
import { entityId } from './ngsi.js';
import { sensorEntity } from './sensor-entity.test-support.js';
import { simulateCity } from './simulate-city.js';
import { simulatorDevices } from './simulator-devices.js';
import { sensorMessages } from './simulator-publisher.js';

const SEED = 2025;
// A rainy-season working day, midnight local time (UTC+7), so floods and incidents both happen.
const DAY = Date.parse('2025-10-20T17:00:00Z');
const hours = Array.from({ length: 24 }, (_, hour) => new Date(DAY + hour * 3_600_000));
const contracts = new Map(
  [...polledContracts, ...sensorContracts].map((contract) => [contract.type, contract]),
);
const provisioning = simulatorDevices({});

/** The whole city at an instant: polled entities plus what the sensors' measures make. */
function cityAt(at: Date): EntityBody[] {
  const sensors = sensorMessages(daNang, SEED, 'legocity/devices', at).map(({ topic, payload }) =>
    sensorEntity(
      provisioning,
      topic.split('/')[2]!,
      JSON.parse(payload) as Record<string, unknown>,
    ),
  );
  return [...simulateCity({ city: daNang, seed: SEED, at }), ...sensors];
}

const value = (entity: EntityBody, name: string): unknown =>
  (entity[name] as { value?: unknown } | undefined)?.value;
const numberOf = (entity: EntityBody, name: string): number => value(entity, name) as number;
const ofType = (entities: EntityBody[], type: string) =>
  entities.filter((entity) => entity.type === type);

describe('simulateCity', () => {
  it('gives the same city for the same seed and instant, and another for another seed', () => {
    const at = new Date(DAY + 8.25 * 3_600_000);
    expect(simulateCity({ city: daNang, seed: SEED, at })).toEqual(
      simulateCity({ city: daNang, seed: SEED, at }),
    );
    expect(sensorMessages(daNang, SEED, 'p', at)).toEqual(sensorMessages(daNang, SEED, 'p', at));
    expect(simulateCity({ city: daNang, seed: SEED + 1, at })).not.toEqual(
      simulateCity({ city: daNang, seed: SEED, at }),
    );
  });

  it('makes a few hundred entities of ten types with unique, stable ids', () => {
    const entities = cityAt(hours[0]!);
    const types = new Set(entities.map((entity) => entity.type));
    expect(types.size).toBe(10);
    expect(entities.length).toBeGreaterThanOrEqual(250);
    expect(new Set(entities.map((entity) => entity.id)).size).toBe(entities.length);
    expect(cityAt(hours[12]!).map((entity) => entity.id)).toEqual(
      entities.map((entity) => entity.id),
    );
  });

  it('keeps every entity of a simulated day within its data contract', () => {
    for (const at of hours) {
      const problems = cityAt(at).flatMap((entity) =>
        validateEntity(entity, contracts.get(entity.type as string)!),
      );
      expect(problems, at.toISOString()).toEqual([]);
    }
  });

  it('never counts below zero or above capacity', () => {
    for (const at of hours) {
      const entities = cityAt(at);
      for (const parking of ofType(entities, 'OffStreetParking')) {
        expect(numberOf(parking, 'availableSpotNumber')).toBeGreaterThanOrEqual(0);
        expect(numberOf(parking, 'availableSpotNumber')).toBeLessThanOrEqual(
          numberOf(parking, 'totalSpotNumber'),
        );
      }
      for (const station of ofType(entities, 'BikeHireDockingStation')) {
        expect(numberOf(station, 'availableBikeNumber')).toBeGreaterThanOrEqual(0);
        expect(numberOf(station, 'freeSlotNumber')).toBeGreaterThanOrEqual(0);
        expect(numberOf(station, 'availableBikeNumber') + numberOf(station, 'freeSlotNumber')).toBe(
          numberOf(station, 'totalSlotNumber'),
        );
      }
      for (const hospital of ofType(entities, 'MedicalFacility')) {
        expect(numberOf(hospital, 'availableBedNumber')).toBeGreaterThanOrEqual(0);
        expect(numberOf(hospital, 'availableBedNumber')).toBeLessThanOrEqual(
          numberOf(hospital, 'totalBedNumber'),
        );
      }
    }
  });

  it('places every geometry inside Da Nang', () => {
    const [west, south, east, north] = daNang.bbox;
    for (const at of [hours[3]!, hours[15]!]) {
      for (const entity of cityAt(at)) {
        const positions =
          JSON.stringify((entity.location as { value: unknown }).value).match(
            /-?\d+\.\d+,-?\d+\.\d+/g,
          ) ?? [];
        expect(positions.length, entity.id).toBeGreaterThan(0);
        for (const pair of positions) {
          const [lon, lat] = pair.split(',').map(Number) as [number, number];
          expect(
            lon >= west && lon <= east && lat >= south && lat <= north,
            `${entity.id} ${pair}`,
          ).toBe(true);
        }
      }
    }
  });

  it('makes traffic heavier and slower at the evening rush than at 3 a.m.', () => {
    const total = (at: Date, name: string) =>
      ofType(simulateCity({ city: daNang, seed: SEED, at }), 'TrafficFlowObserved').reduce(
        (sum, entity) => sum + numberOf(entity, name),
        0,
      );
    expect(total(hours[17]!, 'intensity')).toBeGreaterThan(3 * total(hours[3]!, 'intensity'));
    expect(total(hours[17]!, 'averageVehicleSpeed')).toBeLessThan(
      total(hours[3]!, 'averageVehicleSpeed'),
    );
  });

  it('raises air pollution at the morning rush above the small hours', () => {
    const aqi = (at: Date) =>
      ofType(cityAt(at), 'AirQualityObserved').reduce(
        (sum, entity) => sum + numberOf(entity, 'airQualityIndex'),
        0,
      );
    expect(aqi(hours[8]!)).toBeGreaterThan(aqi(hours[3]!));
  });
});

describe('emergencies', () => {
  const streetOfVehicle = new Map(
    daNang.emergencyBases.map((base) => [
      entityId('EmergencyVehicle', base.slug),
      daNang.streets.find((street) => street.slug === base.street)!.line,
    ]),
  );
  // Every 2 minutes over the day: fine enough to catch every trip.
  const instants = Array.from({ length: 720 }, (_, index) => new Date(DAY + index * 120_000));
  const states = instants.map((at) =>
    simulateCity({ city: daNang, seed: SEED, at }).filter(
      (entity) => entity.type === 'EmergencyVehicle' || entity.type === 'Alert',
    ),
  );

  it('keeps vehicles and incidents on their streets, within a few metres', () => {
    for (const entities of states) {
      for (const entity of entities) {
        const line =
          entity.type === 'EmergencyVehicle'
            ? streetOfVehicle.get(entity.id)!
            : streetOfVehicle.get((entity.refEmergencyVehicle as { object: string }).object)!;
        const position = value(entity, 'location') as { coordinates: Position };
        expect(distanceToLineMetres(position.coordinates, line), entity.id).toBeLessThan(3);
      }
    }
  });

  it('drives vehicles out and back, and opens and resolves incidents, over a day', () => {
    const seen = new Set(
      states.flat().map((entity) => `${String(entity.type)}:${String(value(entity, 'status'))}`),
    );
    expect([...seen].sort()).toEqual([
      'Alert:active',
      'Alert:resolved',
      'EmergencyVehicle:available',
      'EmergencyVehicle:enRoute',
      'EmergencyVehicle:onScene',
      'EmergencyVehicle:returning',
    ]);
    for (const entity of states
      .flat()
      .filter((candidate) => candidate.type === 'EmergencyVehicle')) {
      const moving = ['enRoute', 'returning'].includes(value(entity, 'status') as string);
      expect(numberOf(entity, 'speed') > 0, entity.id).toBe(moving);
    }
  });

  it('has the vehicle leave the scene once its incident is resolved', () => {
    for (const entities of states) {
      for (const alert of entities.filter(
        (entity) => entity.type === 'Alert' && value(entity, 'status') === 'resolved',
      )) {
        const vehicle = entities.find(
          (entity) => entity.id === (alert.refEmergencyVehicle as { object: string }).object,
        )!;
        expect(['available', 'returning']).toContain(value(vehicle, 'status'));
      }
    }
  });
});
