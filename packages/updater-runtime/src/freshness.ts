import type { Logger } from '@legocity/observability';
import type { Staleness } from './source.js';

export interface FreshnessOptions {
  sourceId: string;
  periodMs: number;
  graceMs: number;
  /** Before the first success, age is measured from here (ms). */
  startedAt: number;
  /** Bound to the source (`logger.child({ sourceId })`). */
  log: Logger;
  now?: () => number;
}

export interface Freshness {
  /** Record a successful run or write. */
  succeeded(at?: number): void;
  /** The staleness now; logs a transition once (warn for late/down, info back to fresh). */
  check(): Staleness;
  readonly lastSuccessAt: number | undefined;
}

/**
 * Staleness of data from its age: fresh within `periodMs`, late within `periodMs + graceMs`,
 * down after that.
 * @example staleness(90_000, { periodMs: 60_000, graceMs: 60_000 }) // 'late'
 */
export function staleness(ageMs: number, limits: { periodMs: number; graceMs: number }): Staleness {
  if (ageMs <= limits.periodMs) return 'fresh';
  if (ageMs <= limits.periodMs + limits.graceMs) return 'late';
  return 'down';
}

/**
 * Tracks one source's freshness against its declared period and grace: age is measured from the
 * last success, or from the start before any. Each transition is logged exactly once.
 * @example
 * const freshness = createFreshness({ sourceId: 'weather', periodMs, graceMs, startedAt: Date.now(), log });
 * freshness.succeeded();
 * freshness.check(); // 'fresh'
 */
export function createFreshness(options: FreshnessOptions): Freshness {
  const now = options.now ?? Date.now;
  let lastSuccessAt: number | undefined;
  let current: Staleness = 'fresh';

  return {
    succeeded(at = now()) {
      lastSuccessAt = Math.max(lastSuccessAt ?? at, at);
    },
    check() {
      const ageMs = now() - (lastSuccessAt ?? options.startedAt);
      const next = staleness(ageMs, options);
      if (next !== current) {
        const previous = current;
        current = next;
        const fields = { staleness: next, previous, ageMs };
        const since = lastSuccessAt
          ? `last success ${Math.round(ageMs / 1000)} s ago`
          : 'no success yet';
        if (next === 'fresh') options.log.info(fields, `Source ${options.sourceId} is fresh again`);
        else options.log.warn(fields, `Source ${options.sourceId} is ${next}: ${since}`);
      }
      return current;
    },
    get lastSuccessAt() {
      return lastSuccessAt;
    },
  };
}
