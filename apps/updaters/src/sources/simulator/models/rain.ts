/**
 * Rain over the demo city: showers come in three-hour windows, more often and heavier in Da Nang's
 * rainy season (September–December). Rain drives humidity, air washout and flood levels.
 */
import { cityClock } from '../city-time.js';
import { between, uniform } from '../prng.js';

const WINDOW_MS = 3 * 3_600_000;
/** Chance that a three-hour window brings a shower, by local month (January first). */
const SHOWER_CHANCE = [0.2, 0.12, 0.1, 0.1, 0.15, 0.15, 0.12, 0.18, 0.35, 0.5, 0.5, 0.35];
/** Heaviest hourly rain a shower reaches, by local month, in mm/h. */
const PEAK_RAIN = [8, 5, 5, 8, 15, 15, 12, 18, 35, 45, 45, 25];

/**
 * Rain rate in mm/h at an instant; `place` varies it a little from one site to another.
 * @example rainfall(42, Date.parse('2025-10-20T08:00:00Z'), 'hai-chau')
 */
export function rainfall(seed: number, timeMs: number, place = ''): number {
  const window = Math.floor(timeMs / WINDOW_MS);
  const month = cityClock(new Date(window * WINDOW_MS)).month;
  if (uniform(seed, 'rain', window) >= SHOWER_CHANCE[month - 1]!) return 0;
  // Most showers are light; a few reach the month's peak.
  const peak = 1 + (PEAK_RAIN[month - 1]! - 1) * between(seed, 0, 1, 'rain-peak', window) ** 2;
  const fraction = (timeMs - window * WINDOW_MS) / WINDOW_MS;
  const local = place === '' ? 1 : between(seed, 0.6, 1.3, 'rain-local', place, window);
  return Math.max(0, peak * Math.sin(Math.PI * fraction) * local);
}

/**
 * Rain of the last twelve hours in mm, older rain counting less (water drains away with a
 * half-life of about three hours): what raises rivers and floods low streets.
 */
export function recentRain(seed: number, timeMs: number, place = ''): number {
  const stepMs = 15 * 60_000;
  let total = 0;
  for (let step = 0; step < 48; step += 1) {
    const ageMs = step * stepMs;
    total += rainfall(seed, timeMs - ageMs, place) * 0.25 * 0.5 ** (ageMs / (3 * 3_600_000));
  }
  return total;
}
