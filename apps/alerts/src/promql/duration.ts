import { messages } from '../messages.js';

const UNIT_MS: Record<string, number> = {
  ms: 1,
  s: 1_000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
  y: 31_536_000_000,
};
const PART = /(\d+)(ms|s|m|h|d|w|y)/y;

/**
 * A PromQL duration in milliseconds: units ms, s, m, h, d, w, y, largest first, and compounds
 * such as `1h30m` (as in `for:`, range selectors and `offset`). Throws on anything else: these
 * are written in the rules, never typed by an operator.
 * @example promDurationMs('26h10m') // 94_200_000
 */
export function promDurationMs(text: string): number {
  let total = 0;
  PART.lastIndex = 0;
  while (PART.lastIndex < text.length) {
    const start = PART.lastIndex;
    const match = PART.exec(text);
    if (!match?.[1] || !match[2] || match.index !== start) break;
    total += Number(match[1]) * (UNIT_MS[match[2]] ?? 0);
  }
  if (text === '' || PART.lastIndex !== text.length) {
    throw new TypeError(messages.durationInvalid(text));
  }
  return total;
}

const UNITS_DESCENDING = ['d', 'h', 'm', 's', 'ms'] as const;

/**
 * Milliseconds as a PromQL duration, in the largest unit that divides them exactly (a window or
 * threshold set in the configuration, written into an expression).
 * @example formatPromDuration(300_000) // '5m'
 */
export function formatPromDuration(ms: number): string {
  if (!Number.isSafeInteger(ms) || ms <= 0) throw new TypeError(messages.durationNotPositive(ms));
  const unit = UNITS_DESCENDING.find((candidate) => ms % (UNIT_MS[candidate] ?? 1) === 0) ?? 'ms';
  return `${ms / (UNIT_MS[unit] ?? 1)}${unit}`;
}
