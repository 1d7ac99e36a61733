/**
 * Air-quality station measures: traffic pollution peaks at rush hours, ozone at midday, industry
 * near Hoa Khanh, clean air on the peninsula and the beach, rain washing particles out. The AQI is
 * the US EPA index of PM2.5 (2024 breakpoints).
 */
import { cityClock, rushHour } from '../city-time.js';
import type { Site } from '../city/city-types.js';
import { clamp, round } from '../ngsi.js';
import { smoothNoise } from '../prng.js';
import { rainfall } from './rain.js';

/** What an air-quality station reports; keys are the device's MQTT object ids. */
export interface AirQualityMeasure {
  /** PM2.5, µg/m³. */
  pm25: number;
  /** PM10, µg/m³. */
  pm10: number;
  /** NO₂, µg/m³. */
  no2: number;
  /** O₃, µg/m³. */
  o3: number;
  /** CO, µg/m³. */
  co: number;
  /** US EPA Air Quality Index of PM2.5, 0–500. */
  aqi: number;
  /** The AQI's category. */
  aql: AirQualityLevel;
}

export type AirQualityLevel =
  'good' | 'moderate' | 'unhealthyForSensitiveGroups' | 'unhealthy' | 'veryUnhealthy' | 'hazardous';

/** Background PM2.5 by kind of site, µg/m³. */
function background(slug: string): number {
  if (slug.includes('industrial')) return 34;
  if (slug.includes('port')) return 26;
  if (slug === 'my-khe' || slug === 'hoa-vang') return 12;
  return 20;
}

// [concentration low, concentration high, index low, index high, level]
const PM25_BREAKPOINTS: [number, number, number, number, AirQualityLevel][] = [
  [0, 9, 0, 50, 'good'],
  [9, 35.4, 51, 100, 'moderate'],
  [35.4, 55.4, 101, 150, 'unhealthyForSensitiveGroups'],
  [55.4, 125.4, 151, 200, 'unhealthy'],
  [125.4, 225.4, 201, 300, 'veryUnhealthy'],
  [225.4, 500, 301, 500, 'hazardous'],
];

/** The US EPA AQI (0–500) and its category for a PM2.5 concentration in µg/m³. */
export function aqiOfPm25(pm25: number): { aqi: number; level: AirQualityLevel } {
  const concentration = clamp(pm25, 0, 500);
  for (const [cLow, cHigh, iLow, iHigh, level] of PM25_BREAKPOINTS) {
    if (concentration <= cHigh) {
      const aqi = iLow + ((iHigh - iLow) * Math.max(0, concentration - cLow)) / (cHigh - cLow);
      return { aqi: Math.round(aqi), level };
    }
  }
  return { aqi: 500, level: 'hazardous' };
}

/** An air-quality station's measure at an instant. */
export function airQualityMeasure(seed: number, station: Site, at: Date): AirQualityMeasure {
  const time = at.getTime();
  const clock = cityClock(at);
  const rush = rushHour(clock);
  const washout = 1 / (1 + rainfall(seed, time, station.slug) * 0.08);
  const noise = (key: string): number =>
    1 + 0.25 * smoothNoise(seed, `${key}|${station.slug}`, time, 90 * 60_000);
  // Night-time inversions trap particles a little; traffic adds most at rush hours.
  const night = clock.hour < 6 || clock.hour >= 22 ? 1.15 : 1;
  const pm25 = background(station.slug) * (0.7 + 0.9 * rush) * night * washout * noise('pm25');
  const sun = Math.max(0, Math.sin((Math.PI * (clock.hour - 7)) / 12));
  const { aqi, level } = aqiOfPm25(pm25);
  return {
    pm25: round(pm25, 1),
    pm10: round(pm25 * 1.7 * noise('pm10'), 1),
    no2: round((12 + 45 * rush) * noise('no2'), 1),
    o3: round((18 + 70 * sun) * noise('o3'), 1),
    co: round((350 + 900 * rush) * noise('co'), 0),
    aqi,
    aql: level,
  };
}
