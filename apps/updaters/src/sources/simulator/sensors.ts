/**
 * The city's MQTT sensors: weather stations, air-quality stations and water-level sensors, each a
 * device with a stable id, and the measure each one sends at an instant. The publisher sends these
 * measures; the provisioning file tells the MQTT source how to turn them into entities.
 */
import type { City, FloodSensorSite, Site } from './city/city-types.js';
import { airQualityMeasure } from './models/air-quality.js';
import { waterLevel } from './models/flood.js';
import { weatherMeasure } from './models/weather.js';

/** Device types of the simulator, as named in the provisioning file. */
export type SensorDeviceType = 'weather-station' | 'air-quality-station' | 'water-level-sensor';

/** One simulated MQTT device. */
export interface SensorDevice {
  deviceId: string;
  deviceType: SensorDeviceType;
  /** The entity its measures update. */
  entityType: 'WeatherObserved' | 'AirQualityObserved' | 'FloodMonitoring';
  site: Site;
  /** Water-level sensors only. */
  floodSensor?: FloodSensorSite;
}

/** One measure: MQTT object id → value. */
export type SensorMeasure = Record<string, number | string>;

/** Every sensor device of a city, in a stable order. */
export function sensorDevices(city: City): SensorDevice[] {
  return [
    ...city.weatherStations.map((site): SensorDevice => ({
      deviceId: `ws-${site.slug}`,
      deviceType: 'weather-station',
      entityType: 'WeatherObserved',
      site,
    })),
    ...city.airQualityStations.map((site): SensorDevice => ({
      deviceId: `aq-${site.slug}`,
      deviceType: 'air-quality-station',
      entityType: 'AirQualityObserved',
      site,
    })),
    ...city.floodSensors.map((site): SensorDevice => ({
      deviceId: `wl-${site.slug}`,
      deviceType: 'water-level-sensor',
      entityType: 'FloodMonitoring',
      site,
      floodSensor: site,
    })),
  ];
}

/** The measure a device sends at an instant (without its observation time). */
export function sensorMeasure(
  seed: number,
  city: City,
  device: SensorDevice,
  at: Date,
): SensorMeasure {
  switch (device.deviceType) {
    case 'weather-station':
      return { ...weatherMeasure(seed, device.site, at) };
    case 'air-quality-station':
      return { ...airQualityMeasure(seed, device.site, at) };
    case 'water-level-sensor': {
      const sensor = device.floodSensor!;
      const zone = city.floodZones.find((candidate) => candidate.slug === sensor.zone);
      if (zone === undefined)
        throw new Error(
          `Flood sensor '${sensor.slug}' names zone '${sensor.zone}', which the city does not have`,
        );
      return { lvl: waterLevel(seed, sensor, zone, at) };
    }
  }
}
