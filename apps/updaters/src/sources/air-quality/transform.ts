import type { EntityBody } from '@legocity/broker-client';
import type { CurrentConditions } from '../open-meteo/read-current.js';
import {
  transformStations,
  type StationReading,
  type StationTransformResult,
} from '../open-meteo/station-entities.js';
import { computeAqi, type Concentrations, type Pollutant } from './compute-aqi.js';

/** The variables asked of the API, and the AirQualityObserved attribute each one fills. */
export const AIR_QUALITY_VARIABLES: ReadonlyArray<
  readonly [variable: string, attribute: Pollutant]
> = [
  ['pm10', 'pm10'],
  ['pm2_5', 'pm25'],
  ['nitrogen_dioxide', 'no2'],
  ['ozone', 'o3'],
  ['sulphur_dioxide', 'so2'],
  ['carbon_monoxide', 'co'],
];

// Open-Meteo writes µ as U+03BC (Greek mu); U+00B5 (micro sign) and ASCII are accepted too.
const TO_MICROGRAMS: Record<string, number> = {
  'μg/m³': 1,
  'µg/m³': 1,
  'ug/m3': 1,
  'μg/m3': 1,
  'µg/m3': 1,
  'mg/m³': 1000,
  'mg/m3': 1000,
};

/** What the air-quality source fetched for one station. */
export type AirQualityReading = StationReading;

/** Entities of the stations that could be read, and why the others could not. */
export type AirQualityTransformResult = StationTransformResult;

/**
 * Turns answers into AirQualityObserved entities, one per station, id
 * `urn:ngsi-ld:AirQualityObserved:<station id>`, with concentrations in µg/m³ and the AQI computed
 * by `computeAqi`. Pure. A station whose answer is broken is left out and reported.
 * @example transformAirQuality([{ station, response }]).entities[0].airQualityIndex // { type: 'Property', value: 57, … }
 */
export function transformAirQuality(
  readings: readonly AirQualityReading[],
): AirQualityTransformResult {
  return transformStations(
    readings,
    'AirQualityObserved',
    AIR_QUALITY_VARIABLES.map(([variable]) => variable),
    fillAirQuality,
  );
}

/** Sets each measured concentration in µg/m³, then the AQI when every unit could be read. */
function fillAirQuality(
  entity: EntityBody,
  { observedAt, values }: CurrentConditions,
  where: string,
): string[] {
  const concentrations: Concentrations = {};
  const problems: string[] = [];
  for (const [variable, pollutant] of AIR_QUALITY_VARIABLES) {
    const measured = values[variable];
    if (measured === undefined) continue;
    const factor = TO_MICROGRAMS[measured.unit.trim()];
    if (factor === undefined) {
      problems.push(
        `${where}: current_units.${variable}: unit "${measured.unit}" is not µg/m³ or mg/m³`,
      );
      continue;
    }
    const value = Math.round(measured.value * factor * 100) / 100;
    concentrations[pollutant] = value;
    entity[pollutant] = { type: 'Property', value, unitCode: 'GQ', observedAt };
  }
  if (problems.length > 0) return problems;
  const aqi = computeAqi(concentrations);
  if (aqi) {
    entity.airQualityIndex = { type: 'Property', value: aqi.index, observedAt };
    entity.airQualityLevel = { type: 'Property', value: aqi.level, observedAt };
    entity.responsiblePollutant = {
      type: 'Property',
      value: aqi.responsiblePollutant,
      observedAt,
    };
  }
  return problems;
}
