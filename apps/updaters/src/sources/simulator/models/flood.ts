/**
 * Water levels: river gauges on the Han and Cam Le rivers follow the tide and rise after rain;
 * street sensors in low wards stay dry until heavy rain, then flood. Flood-risk zones take the
 * worst level of their sensors.
 */
import type { FloodSensorSite, FloodZone } from '../city/city-types.js';
import { round } from '../ngsi.js';
import { smoothNoise } from '../prng.js';
import { recentRain } from './rain.js';

/** Alert and danger thresholds of each kind of sensor, in metres. */
export const FLOOD_THRESHOLDS = {
  river: { alertLevel: 1.8, dangerLevel: 2.5 },
  street: { alertLevel: 0.15, dangerLevel: 0.3 },
} as const;

/** Risk of a flood zone, from its sensors against their thresholds. */
export type FloodRiskLevel = 'low' | 'moderate' | 'high' | 'severe';

/** Tide at the river mouth in metres around mean sea level (mixed diurnal/semi-diurnal). */
function tide(timeMs: number): number {
  const hours = timeMs / 3_600_000;
  return (
    0.35 * Math.sin((2 * Math.PI * hours) / 12.42) +
    0.2 * Math.sin((2 * Math.PI * hours) / 24.84 + 1)
  );
}

/**
 * A sensor's current level in metres: river gauges read the river stage above the local datum,
 * street sensors read the depth of water on the road.
 */
export function waterLevel(
  seed: number,
  sensor: FloodSensorSite,
  zone: FloodZone,
  at: Date,
): number {
  const time = at.getTime();
  const rain = recentRain(seed, time, zone.slug);
  if (sensor.kind === 'river') {
    const level =
      0.7 +
      tide(time) +
      0.035 * rain +
      0.03 * smoothNoise(seed, `river|${sensor.slug}`, time, 1_800_000);
    return round(Math.max(0.05, level), 2);
  }
  const depth = 0.008 * rain * zone.susceptibility - 0.05;
  return round(
    Math.max(
      0,
      depth + (depth > 0 ? 0.01 * smoothNoise(seed, `street|${sensor.slug}`, time, 900_000) : 0),
    ),
    2,
  );
}

/** The risk level of a sensor's reading. */
export function riskOfLevel(level: number, kind: FloodSensorSite['kind']): FloodRiskLevel {
  const { alertLevel, dangerLevel } = FLOOD_THRESHOLDS[kind];
  if (level >= dangerLevel) return 'severe';
  if (level >= alertLevel) return 'high';
  if (level >= alertLevel * 0.75) return 'moderate';
  return 'low';
}
