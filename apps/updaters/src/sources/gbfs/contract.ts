import type { EntityContract } from '@legocity/updater-runtime';

/**
 * BikeHireDockingStation 1.0.0 (Smart Data Models, dataModel.Transportation): a docking station of
 * a GBFS bike-share system, its capacity and what is available there now. Counts have no unit
 * code (they are numbers of bikes and docks).
 */
export const bikeHireDockingStationContract: EntityContract = {
  type: 'BikeHireDockingStation',
  version: '1.0.0',
  idPattern: 'urn:ngsi-ld:BikeHireDockingStation:[A-Za-z0-9._%-]+:[A-Za-z0-9._%-]+',
  description: 'A bike-share docking station read from a GBFS 2.x or 3.x feed.',
  attributes: [
    { name: 'name', kind: 'Property', valueType: 'string', required: true },
    { name: 'location', kind: 'GeoProperty', geometry: ['Point'], required: true },
    {
      name: 'totalSlotNumber',
      kind: 'Property',
      valueType: 'integer',
      minimum: 0,
      description: 'Docks at the station (GBFS capacity).',
    },
    {
      name: 'availableBikeNumber',
      kind: 'Property',
      valueType: 'integer',
      minimum: 0,
      required: true,
      description: 'Bikes available for rent (num_bikes_available; 3.x num_vehicles_available).',
    },
    {
      name: 'freeSlotNumber',
      kind: 'Property',
      valueType: 'integer',
      minimum: 0,
      description: 'Empty docks that accept a bike (num_docks_available).',
    },
    {
      name: 'status',
      kind: 'Property',
      valueType: 'string',
      required: true,
      description: 'working when the station is installed and renting, outOfService otherwise.',
    },
    {
      name: 'dateLastReported',
      kind: 'Property',
      valueType: 'object',
      required: true,
      description: 'When the station last reported its status, an NGSI-LD DateTime.',
    },
  ],
};
