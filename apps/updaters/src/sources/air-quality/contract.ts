import type { AttributeContract, EntityContract } from '@legocity/updater-runtime';
import { STATION_ATTRIBUTES, stationIdPattern } from '../open-meteo/station-attributes.js';

const concentration = (name: string, description: string): AttributeContract => ({
  name,
  kind: 'Property',
  valueType: 'number',
  unitCode: 'GQ',
  minimum: 0,
  description: `${description}, µg/m³.`,
});

/**
 * AirQualityObserved 1.0.0 (Smart Data Models, dataModel.Environment): pollutant concentrations at
 * a configured station, in µg/m³ (UN/CEFACT GQ), with the US EPA AQI computed from them.
 */
export const airQualityObservedContract: EntityContract = {
  type: 'AirQualityObserved',
  version: '1.0.0',
  idPattern: stationIdPattern('AirQualityObserved'),
  description: 'Current air quality at a station, read from an Open-Meteo-style API.',
  attributes: [
    ...STATION_ATTRIBUTES,
    concentration('pm10', 'Particulate matter below 10 µm'),
    concentration('pm25', 'Particulate matter below 2.5 µm'),
    concentration('no2', 'Nitrogen dioxide'),
    concentration('o3', 'Ozone'),
    concentration('so2', 'Sulphur dioxide'),
    concentration('co', 'Carbon monoxide'),
    {
      name: 'airQualityIndex',
      kind: 'Property',
      valueType: 'integer',
      minimum: 0,
      maximum: 500,
      description: 'US EPA AQI (0–500), the highest sub-index of the pollutants measured.',
    },
    {
      name: 'airQualityLevel',
      kind: 'Property',
      valueType: 'string',
      description:
        'EPA category: good, moderate, unhealthyForSensitiveGroups, unhealthy, veryUnhealthy or hazardous.',
    },
    {
      name: 'responsiblePollutant',
      kind: 'Property',
      valueType: 'string',
      description: 'The pollutant attribute (pm25, pm10, o3, no2, so2, co) that sets the index.',
    },
  ],
};
