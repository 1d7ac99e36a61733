/**
 * Deterministic randomness for the demo city. Every simulated value is a function of
 * (seed, key, simulated time): no state is carried between runs, so the same seed and the same
 * instant always give the same city, whichever process computes it and in whatever order.
 */

/** FNV-1a 32-bit hash of a text: spreads keys such as "weather|hai-chau|482133" over 32 bits. */
export function hashText(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * mulberry32: a small, fast 32-bit generator; good enough for believable demo data (not for
 * cryptography). Returns a function giving numbers in [0, 1).
 * @example const next = mulberry32(42); next(); // 0.6011037519201636
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * A uniform number in [0, 1) fixed by the seed and the keys.
 * @example uniform(42, 'parking', 'han-market', 17) // same value on every call
 */
export function uniform(seed: number, ...keys: (string | number)[]): number {
  return mulberry32(hashText(`${seed}|${keys.join('|')}`))();
}

/** A uniform number in [min, max) fixed by the seed and the keys. */
export function between(
  seed: number,
  min: number,
  max: number,
  ...keys: (string | number)[]
): number {
  return min + (max - min) * uniform(seed, ...keys);
}

/** An integer in [min, max] (both included) fixed by the seed and the keys. */
export function integerBetween(
  seed: number,
  min: number,
  max: number,
  ...keys: (string | number)[]
): number {
  return min + Math.floor(uniform(seed, ...keys) * (max - min + 1));
}

/** One item of a non-empty list, fixed by the seed and the keys. */
export function pick<T>(seed: number, items: readonly T[], ...keys: (string | number)[]): T {
  const item = items[Math.floor(uniform(seed, ...keys) * items.length)];
  if (item === undefined) throw new RangeError('pick needs a non-empty list');
  return item;
}

/**
 * Smooth value noise in [-1, 1]: random knots every `periodMs`, joined by a cosine curve, so a value
 * drifts instead of jumping between two polls.
 * @example smoothNoise(42, 'bikes|station-3', Date.now(), 15 * 60_000)
 */
export function smoothNoise(seed: number, key: string, timeMs: number, periodMs: number): number {
  const position = timeMs / periodMs;
  const knot = Math.floor(position);
  const fraction = position - knot;
  const from = uniform(seed, key, knot) * 2 - 1;
  const to = uniform(seed, key, knot + 1) * 2 - 1;
  const weight = (1 - Math.cos(fraction * Math.PI)) / 2;
  return from + (to - from) * weight;
}
