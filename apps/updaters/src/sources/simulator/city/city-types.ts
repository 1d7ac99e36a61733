/**
 * The shape of a hand-authored demo city: streets, zones and sites. Positions are GeoJSON
 * [longitude, latitude]; slugs are lower-case words joined by dashes and become entity ids.
 */
import type { Position } from '../geo.js';

/** A street (or bridge) the traffic sensors and emergency vehicles use. */
export interface Street {
  slug: string;
  /** Local name, as on street signs. */
  name: string;
  kind: 'arterial' | 'coastal' | 'bridge' | 'local';
  /** Lanes in each direction. */
  lanes: number;
  /** Speed limit in km/h. */
  speedLimit: number;
  /** The centre line, sampled every few hundred metres. */
  line: Position[];
}

/** A named place with a point location. */
export interface Site {
  slug: string;
  /** Local (Vietnamese) name. */
  name: string;
  /** English name, for an English dashboard. */
  alternateName: string;
  position: Position;
}

/** A parking site. */
export interface ParkingSite extends Site {
  totalSpotNumber: number;
  /** What fills it, which sets its daily curve. */
  pattern: 'shopping' | 'office' | 'hospital' | 'beach' | 'transport' | 'tourism';
}

/** A hospital or other medical facility with beds. */
export interface HospitalSite extends Site {
  totalBedNumber: number;
  /** Share of beds usually taken, [0, 1]. */
  usualOccupancy: number;
}

/** A low-lying area that floods after heavy rain. */
export interface FloodZone {
  slug: string;
  name: string;
  alternateName: string;
  /** Outer ring, closed (first position repeated last). */
  ring: Position[];
  /** How readily it floods, [0, 1]. */
  susceptibility: number;
}

/** A water-level sensor: a river gauge (tidal) or a street drain sensor (dry until rain). */
export interface FloodSensorSite extends Site {
  kind: 'river' | 'street';
  zone: string;
}

/** Where an emergency vehicle waits: a position along one street. */
export interface EmergencyBase {
  slug: string;
  name: string;
  alternateName: string;
  vehicleType: 'ambulance' | 'fireTender' | 'police';
  /** The street the vehicle drives on. */
  street: string;
  /** Where along the street the base is, as a fraction of its length. */
  at: number;
}

/** A whole demo city. */
export interface City {
  name: string;
  /** Bounding box [west, south, east, north]: every generated position lies inside it. */
  bbox: [number, number, number, number];
  streets: Street[];
  floodZones: FloodZone[];
  floodSensors: FloodSensorSite[];
  weatherStations: Site[];
  airQualityStations: Site[];
  hospitals: HospitalSite[];
  parkings: ParkingSite[];
  emergencyBases: EmergencyBase[];
  /** Streets along which bike docking stations are laid out, one every `bikeStationSpacing` m. */
  bikeStreets: string[];
  bikeStationSpacing: number;
}
