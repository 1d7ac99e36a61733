import type { EntityContract } from '@legocity/updater-runtime';
import { STATION_ATTRIBUTES, stationIdPattern } from '../open-meteo/station-attributes.js';

/**
 * WeatherObserved 1.0.0 (Smart Data Models, dataModel.Weather): current conditions at a
 * configured station. Units are UN/CEFACT common codes; relative humidity is a fraction 0..1
 * (unit C62, "one"), as the Smart Data Model defines it, not a percentage.
 */
export const weatherObservedContract: EntityContract = {
  type: 'WeatherObserved',
  version: '1.0.0',
  idPattern: stationIdPattern('WeatherObserved'),
  description: 'Current weather at a station, read from an Open-Meteo-style API.',
  attributes: [
    ...STATION_ATTRIBUTES,
    {
      name: 'temperature',
      kind: 'Property',
      valueType: 'number',
      unitCode: 'CEL',
      minimum: -90,
      maximum: 60,
      description: 'Air temperature 2 m above ground, °C.',
    },
    {
      name: 'relativeHumidity',
      kind: 'Property',
      valueType: 'number',
      unitCode: 'C62',
      minimum: 0,
      maximum: 1,
      description: 'Relative humidity 2 m above ground, as a fraction (0.65 is 65 %).',
    },
    {
      name: 'windSpeed',
      kind: 'Property',
      valueType: 'number',
      unitCode: 'MTS',
      minimum: 0,
      maximum: 120,
      description: 'Wind speed 10 m above ground, m/s.',
    },
    {
      name: 'windDirection',
      kind: 'Property',
      valueType: 'number',
      unitCode: 'DD',
      minimum: 0,
      maximum: 360,
      description: 'Direction the wind comes from, degrees clockwise from north.',
    },
    {
      name: 'precipitation',
      kind: 'Property',
      valueType: 'number',
      unitCode: 'MMT',
      minimum: 0,
      description: 'Precipitation over the preceding interval (one hour for Open-Meteo), mm.',
    },
    {
      name: 'atmosphericPressure',
      kind: 'Property',
      valueType: 'number',
      unitCode: 'A97',
      minimum: 300,
      maximum: 1100,
      description: 'Surface air pressure, hPa.',
    },
  ],
};
