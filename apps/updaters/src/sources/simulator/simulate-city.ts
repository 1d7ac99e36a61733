/**
 * The whole polled face of the demo city at one simulated instant: everything a city would not
 * push over MQTT (traffic, parking, bikes, flood zones, hospitals, incidents, emergency vehicles).
 */
import type { EntityBody } from '@legocity/broker-client';
import type { City } from './city/city-types.js';
import { bikeStationEntities } from './models/bike-stations.js';
import { emergencyEntities } from './models/emergency.js';
import { floodZoneEntities } from './models/flood-zones.js';
import { hospitalEntities } from './models/hospitals.js';
import { parkingEntities } from './models/parking.js';
import { trafficFlowEntities } from './models/traffic-flow.js';

/** Entity types the polled face writes. */
export const POLLED_ENTITY_TYPES = [
  'TrafficFlowObserved',
  'OffStreetParking',
  'BikeHireDockingStation',
  'FloodRiskZone',
  'MedicalFacility',
  'Alert',
  'EmergencyVehicle',
] as const;

/**
 * Every polled entity of the city at an instant; the same seed and instant give the same entities.
 * @example simulateCity({ city: daNang, seed: 42, at: new Date('2025-06-01T01:00:00Z') })
 */
export function simulateCity(input: { city: City; seed: number; at: Date }): EntityBody[] {
  return [
    ...trafficFlowEntities(input),
    ...parkingEntities(input),
    ...bikeStationEntities(input),
    ...floodZoneEntities(input),
    ...hospitalEntities(input),
    ...emergencyEntities(input),
  ];
}
