/**
 * Delay before the next attempt after `failures` consecutive failures: 1 s, 2 s, 4 s … capped,
 * with ±20 % jitter so that many failing subscriptions do not retry in step.
 * @example retryDelayMs(3, 60_000) // about 4000
 */
export function retryDelayMs(
  failures: number,
  capMs: number,
  random: () => number = Math.random,
): number {
  const base = Math.min(capMs, 1000 * 2 ** Math.max(0, failures - 1));
  return Math.round(base * (0.8 + 0.4 * random()));
}
