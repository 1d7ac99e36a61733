import type { City } from '../city/city-types.js';

/** What every model computes from: the city, the seed and the simulated instant. */
export interface ModelInput {
  city: City;
  seed: number;
  at: Date;
}
