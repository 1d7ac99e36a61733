/**
 * Emergency missions: each emergency base answers one incident at a time, over and over. A
 * mission is fixed by (seed, base, cycle): an incident appears somewhere along the base's street,
 * the vehicle drives there along the street, stays on scene, and drives back. Cycles last 2–4
 * hours, so every vehicle is back home before its next incident.
 */
import type { EmergencyBase, Street } from '../city/city-types.js';
import { lineLengthMetres } from '../geo.js';
import { between, integerBetween, pick, uniform } from '../prng.js';

/** What an incident is, in Smart Data Models Alert words. */
export interface IncidentKind {
  category: 'traffic' | 'health' | 'security';
  subCategory: string;
  /** Vietnamese and English labels. */
  name: string;
  alternateName: string;
}

const KINDS: Record<EmergencyBase['vehicleType'], IncidentKind[]> = {
  ambulance: [
    {
      category: 'health',
      subCategory: 'heartAttack',
      name: 'Cấp cứu tim mạch',
      alternateName: 'Heart attack',
    },
    {
      category: 'health',
      subCategory: 'fallenPatient',
      name: 'Người bị ngã',
      alternateName: 'Person fallen',
    },
    {
      category: 'traffic',
      subCategory: 'injuredBiker',
      name: 'Người đi xe máy bị thương',
      alternateName: 'Injured motorbike rider',
    },
    {
      category: 'health',
      subCategory: 'asthmaAttack',
      name: 'Lên cơn hen suyễn',
      alternateName: 'Asthma attack',
    },
  ],
  fireTender: [
    {
      category: 'security',
      subCategory: 'buildingFire',
      name: 'Cháy nhà',
      alternateName: 'Building fire',
    },
    {
      category: 'security',
      subCategory: 'fireRisk',
      name: 'Nguy cơ cháy',
      alternateName: 'Fire risk',
    },
    {
      category: 'traffic',
      subCategory: 'hazardOnRoad',
      name: 'Chướng ngại vật trên đường',
      alternateName: 'Hazard on the road',
    },
  ],
  police: [
    {
      category: 'traffic',
      subCategory: 'carAccident',
      name: 'Tai nạn giao thông',
      alternateName: 'Road accident',
    },
    {
      category: 'traffic',
      subCategory: 'trafficJam',
      name: 'Ùn tắc giao thông',
      alternateName: 'Traffic jam',
    },
    { category: 'security', subCategory: 'robbery', name: 'Cướp giật', alternateName: 'Robbery' },
  ],
};

const SEVERITIES = ['low', 'medium', 'medium', 'high', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** One incident and the vehicle's trip to it; times are epoch milliseconds. */
export interface Mission {
  cycle: number;
  kind: IncidentKind;
  severity: Severity;
  issuedAt: number;
  dispatchedAt: number;
  arrivedAt: number;
  leftSceneAt: number;
  backAt: number;
  /** Metres along the street of the base and of the incident. */
  baseOffset: number;
  sceneOffset: number;
  /** Driving speed on the way out and back, km/h. */
  outboundKmh: number;
  returnKmh: number;
}

const MINUTE_MS = 60_000;

/** Length of a base's mission cycle and its phase, both fixed by the seed. */
function cycleOf(seed: number, base: EmergencyBase): { periodMs: number; phaseMs: number } {
  const periodMs = integerBetween(seed, 4, 8, 'mission-period', base.slug) * 30 * MINUTE_MS;
  return { periodMs, phaseMs: Math.floor(uniform(seed, 'mission-phase', base.slug) * periodMs) };
}

/** The mission of one cycle of a base. */
export function missionOf(
  seed: number,
  base: EmergencyBase,
  street: Street,
  cycle: number,
): Mission {
  const { periodMs, phaseMs } = cycleOf(seed, base);
  const length = lineLengthMetres(street.line);
  const baseOffset = base.at * length;
  // Somewhere else along the street, at least 300 m from the base.
  let sceneOffset = between(seed, 0, length, 'scene', base.slug, cycle);
  if (Math.abs(sceneOffset - baseOffset) < 300) {
    sceneOffset = baseOffset + (baseOffset + 300 <= length ? 300 : -300);
  }
  const distance = Math.abs(sceneOffset - baseOffset);
  const outboundKmh = between(seed, 32, 48, 'speed-out', base.slug, cycle);
  const returnKmh = outboundKmh * 0.75;
  const issuedAt =
    cycle * periodMs -
    phaseMs +
    Math.floor(between(seed, 0, 0.3, 'issued', base.slug, cycle) * periodMs);
  const dispatchedAt =
    issuedAt + Math.floor(between(seed, 1, 3, 'dispatch', base.slug, cycle) * MINUTE_MS);
  const arrivedAt = dispatchedAt + Math.round((distance / (outboundKmh / 3.6)) * 1000);
  const leftSceneAt =
    arrivedAt + Math.floor(between(seed, 10, 30, 'on-scene', base.slug, cycle) * MINUTE_MS);
  const backAt = leftSceneAt + Math.round((distance / (returnKmh / 3.6)) * 1000);
  return {
    cycle,
    kind: pick(seed, KINDS[base.vehicleType], 'kind', base.slug, cycle),
    severity: pick(seed, SEVERITIES, 'severity', base.slug, cycle),
    issuedAt,
    dispatchedAt,
    arrivedAt,
    leftSceneAt,
    backAt,
    baseOffset,
    sceneOffset,
    outboundKmh,
    returnKmh,
  };
}

/**
 * The mission that matters at an instant: the one of the current cycle once its incident is
 * issued, otherwise the previous one (already resolved, its vehicle back at base).
 */
export function currentMission(
  seed: number,
  base: EmergencyBase,
  street: Street,
  timeMs: number,
): Mission {
  const { periodMs, phaseMs } = cycleOf(seed, base);
  const cycle = Math.floor((timeMs + phaseMs) / periodMs);
  const mission = missionOf(seed, base, street, cycle);
  return timeMs >= mission.issuedAt ? mission : missionOf(seed, base, street, cycle - 1);
}
