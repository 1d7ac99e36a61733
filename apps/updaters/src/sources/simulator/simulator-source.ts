/**
 * The polled face of the demo city: every `every` ms the runtime asks for the city's state at the
 * current simulated instant. No network: fetch reads the clock, transform computes the entities.
 */
import type { PolledSource } from '@legocity/updater-runtime';
import type { City } from './city/city-types.js';
import { daNang } from './city/da-nang.js';
import type { SimulatorConfig } from './config.js';
import { polledContracts } from './contract.js';
import { simulateCity, POLLED_ENTITY_TYPES } from './simulate-city.js';
import { simulatedClock } from './simulated-clock.js';

/** What fetch hands to transform: the simulated instant to compute (ISO 8601, whole seconds). */
export interface SimulatedInstant {
  at: string;
}

/** Options for tests and embedding: another city, or a fixed start of simulated time. */
export interface SimulatorSourceOptions {
  city?: City;
  /** Real instant simulated time starts from; default when the source is created. */
  origin?: Date;
}

/**
 * The demo city's polled source: traffic flow, parking, bike stations, flood-risk zones,
 * hospitals, incidents and emergency vehicles of Da Nang.
 * @example runtime.add(createSimulatorSource(readSimulatorConfig().value))
 */
export function createSimulatorSource(
  config: Pick<SimulatorConfig, 'seed' | 'every' | 'speed'>,
  options: SimulatorSourceOptions = {},
): PolledSource<SimulatedInstant> {
  const city = options.city ?? daNang;
  const clock = simulatedClock(config.speed, options.origin ?? new Date());
  return {
    kind: 'polled',
    id: 'simulator',
    title: `Demo city simulator (${city.name}): traffic, parking, bikes, floods, hospitals, emergencies`,
    entityTypes: [...POLLED_ENTITY_TYPES],
    contracts: polledContracts,
    schedule: { every: config.every },
    periodMs: config.every,
    graceMs: Math.max(2 * config.every, 30_000),
    fetch: (context) => {
      const simulated = clock(context.now());
      simulated.setUTCMilliseconds(0);
      return Promise.resolve({ at: simulated.toISOString() });
    },
    transform: (instant) => simulateCity({ city, seed: config.seed, at: new Date(instant.at) }),
  };
}
