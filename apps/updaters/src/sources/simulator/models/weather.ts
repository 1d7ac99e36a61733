/**
 * Weather station measures: a tropical daily cycle (warmest about 14:00 local time), Da Nang's
 * seasons, a sea breeze in the afternoon, and rain that cools the air and saturates it.
 */
import { cityClock } from '../city-time.js';
import type { Site } from '../city/city-types.js';
import { clamp, round } from '../ngsi.js';
import { between, smoothNoise } from '../prng.js';
import { rainfall } from './rain.js';

/** Monthly mean air temperature in Da Nang, °C (January first). */
const MEAN_TEMPERATURE = [21.5, 22.5, 24.2, 26.2, 28.1, 29.2, 29.1, 28.9, 27.5, 25.9, 24.2, 22.3];
/** Monthly mean relative humidity, % (January first). */
const MEAN_HUMIDITY = [85, 85, 85, 82, 78, 75, 74, 76, 82, 85, 86, 86];

/** What a weather station reports; keys are the device's MQTT object ids. */
export interface WeatherMeasure {
  /** Air temperature, °C. */
  t: number;
  /** Relative humidity as a fraction (0.65 is 65 %), as Smart Data Models define it. */
  h: number;
  /** Atmospheric pressure, hPa. */
  p: number;
  /** Wind speed, m/s. */
  ws: number;
  /** Direction the wind blows from, degrees clockwise from north. */
  wd: number;
  /** Rain in the last hour, mm. */
  r: number;
}

/** A weather station's measure at an instant. */
export function weatherMeasure(seed: number, station: Site, at: Date): WeatherMeasure {
  const time = at.getTime();
  const clock = cityClock(at);
  const daily = Math.cos((2 * Math.PI * (clock.hour - 14)) / 24);
  const rain = rainfall(seed, time, station.slug);
  const siteOffset = between(seed, -0.8, 0.8, 'weather-site', station.slug);
  const temperature =
    MEAN_TEMPERATURE[clock.month - 1]! +
    3.5 * daily +
    siteOffset +
    1.2 * smoothNoise(seed, `temperature|${station.slug}`, time, 3 * 3_600_000) -
    Math.min(4, rain * 0.25);
  const humidity =
    MEAN_HUMIDITY[clock.month - 1]! -
    11 * daily +
    4 * smoothNoise(seed, `humidity|${station.slug}`, time, 2 * 3_600_000) +
    Math.min(15, rain * 1.5);
  const seaBreeze = Math.max(0, Math.sin((Math.PI * (clock.hour - 9)) / 10));
  const wind =
    1.5 + 3 * seaBreeze + 1.5 * smoothNoise(seed, `wind|${station.slug}`, time, 3_600_000);
  // Sea breeze blows from the east in the afternoon; a land breeze from the west at night.
  const direction =
    (seaBreeze > 0.2 ? 100 : 260) +
    40 * smoothNoise(seed, `wind-dir|${station.slug}`, time, 2 * 3_600_000);
  return {
    t: round(temperature, 1),
    h: round(clamp(humidity, 35, 100) / 100, 2),
    p: round(
      1011 +
        1.6 * Math.cos((4 * Math.PI * (clock.hour - 10)) / 24) +
        2 * smoothNoise(seed, 'pressure', time, 12 * 3_600_000),
      1,
    ),
    ws: round(clamp(wind + rain * 0.05, 0, 25), 1),
    wd: Math.round((direction + 360) % 360),
    r: round(rain, 1),
  };
}
