/**
 * Traffic flow on the city's streets (Smart Data Models TrafficFlowObserved): each street is cut
 * into pieces of at most 800 m, each with its own sensor. Load follows the daily activity of the
 * city with rush-hour peaks; speed falls as load rises.
 */
import type { EntityBody } from '@legocity/broker-client';
import { cityClock, dailyActivity } from '../city-time.js';
import type { Street } from '../city/city-types.js';
import { splitLine, type Position } from '../geo.js';
import {
  clamp,
  dateTimeProperty,
  DATA_PROVIDER,
  entityId,
  geoProperty,
  property,
  round,
} from '../ngsi.js';
import { between, smoothNoise } from '../prng.js';
import type { ModelInput } from './model-input.js';

/** Longest street piece one traffic sensor covers, in metres. */
export const TRAFFIC_SEGMENT_METRES = 800;
/** Vehicles per hour one lane carries at capacity (mostly motorbikes in Da Nang). */
const LANE_CAPACITY = 1800;

/** A piece of a street with its own traffic sensor. */
export interface TrafficSegment {
  slug: string;
  street: Street;
  /** 1-based index along the street. */
  index: number;
  line: Position[];
}

/** The traffic segments of a list of streets, in a stable order. */
export function trafficSegments(streets: readonly Street[]): TrafficSegment[] {
  return streets.flatMap((street) =>
    splitLine(street.line, TRAFFIC_SEGMENT_METRES).map((line, offset) => ({
      slug: `${street.slug}-${String(offset + 1).padStart(2, '0')}`,
      street,
      index: offset + 1,
      line,
    })),
  );
}

/** TrafficFlowObserved entities of every segment at an instant. */
export function trafficFlowEntities({ city, seed, at }: ModelInput): EntityBody[] {
  const observedAt = at.toISOString();
  const activity = dailyActivity(cityClock(at));
  return trafficSegments(city.streets).map((segment) => {
    const { street } = segment;
    const busyness =
      between(seed, 0.65, 1.05, 'traffic-busy', segment.slug) *
      (street.kind === 'bridge' ? 1.1 : 1);
    const load = clamp(
      activity *
        busyness *
        (1 + 0.12 * smoothNoise(seed, `traffic|${segment.slug}`, at.getTime(), 20 * 60_000)),
      0.02,
      1,
    );
    const speed = Math.max(5, street.speedLimit * (1 - 0.75 * load ** 2.5));
    const measured = { observedAt };
    return {
      id: entityId('TrafficFlowObserved', segment.slug),
      type: 'TrafficFlowObserved',
      name: property(`${street.name} (${segment.index})`),
      location: geoProperty({ type: 'LineString', coordinates: segment.line }),
      laneDirection: property('bothDirections'),
      intensity: property(Math.round(load * LANE_CAPACITY * street.lanes * 2 * 0.8), measured),
      averageVehicleSpeed: property(round(speed, 1), { unitCode: 'KMH', observedAt }),
      occupancy: property(round(clamp(load * 0.85, 0, 1), 2), measured),
      congested: property(load > 0.8 || speed < street.speedLimit * 0.35, measured),
      dateObserved: dateTimeProperty(observedAt),
      dataProvider: property(DATA_PROVIDER),
    };
  });
}
