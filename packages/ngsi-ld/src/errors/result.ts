import type { Problem } from './ngsi-ld-error.js';

/**
 * The outcome of a parser: a typed value, or every problem found.
 * Parsers never throw for bad input (STYLE.md habit 3).
 */
export type Parsed<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

export function ok<T>(value: T): Parsed<T> {
  return { ok: true, value };
}

export function fail<T = never>(problems: Problem[] | Problem): Parsed<T> {
  return { ok: false, problems: Array.isArray(problems) ? problems : [problems] };
}
