/**
 * Simulated time: the demo city can run faster than the wall clock (SPEED > 1) so a whole day
 * passes in minutes. Simulated time starts at the real time the simulator starts.
 */

/** Turns a real instant into the simulated one. */
export type SimulatedClock = (realNow: Date) => Date;

/**
 * A clock running `speed` times faster than real time from `origin` on (speed 1: real time).
 * @example const clock = simulatedClock(60, new Date()); clock(new Date()) // an hour per minute
 */
export function simulatedClock(speed: number, origin: Date): SimulatedClock {
  const start = origin.getTime();
  return (realNow) => new Date(Math.round(start + (realNow.getTime() - start) * speed));
}
