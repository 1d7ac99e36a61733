import type { Translate } from '../../i18n/translate.js';

/** A layer is never called stale before this much time without a change (15 min). */
export const MIN_STALE_SECONDS = 15 * 60;

/** How a widget's data stands, for its badge. */
export type DataStatus = 'loading' | 'fresh' | 'stale' | 'unreachable' | 'error';

/** The refresh settings the stale rule depends on. */
export interface RefreshRule {
  refresh: 'interval' | 'live';
  refreshSeconds: number;
}

/**
 * After how many seconds without a change the data counts as stale: max(3 × refreshSeconds,
 * 15 min) for interval layers, 15 min for live ones.
 * @example staleAfterSeconds({ refresh: 'interval', refreshSeconds: 600 }) // 1800
 */
export function staleAfterSeconds(rule: RefreshRule): number {
  if (rule.refresh === 'live') return MIN_STALE_SECONDS;
  return Math.max(3 * rule.refreshSeconds, MIN_STALE_SECONDS);
}

/**
 * Whole seconds from an ISO time to `now` (0 when it lies in the future); undefined when the time
 * is missing or unreadable.
 */
export function ageSeconds(iso: string | undefined, now: number): number | undefined {
  if (!iso) return undefined;
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, Math.floor((now - at) / 1000));
}

/**
 * True when the newest change is older than the stale limit of the rule. Data without any
 * change time is not called stale (there is nothing to date).
 * @example isStale('2026-01-01T00:00:00Z', { refresh: 'live', refreshSeconds: 0 }, Date.now()) // true
 */
export function isStale(
  newestChangeAt: string | undefined,
  rule: RefreshRule,
  now: number,
): boolean {
  const age = ageSeconds(newestChangeAt, now);
  return age !== undefined && age > staleAfterSeconds(rule);
}

/** What the badge needs to know about the last attempts to load the data. */
export interface DataState {
  hasLoaded: boolean;
  newestChangeAt?: string;
  /** The last request failed because the source could not be reached (502/504/network). */
  isUnreachable: boolean;
  /** The last request failed for another reason. */
  hasError: boolean;
}

/**
 * The badge status: unreachable wins (the data shown may be old), then other errors, then
 * loading, then stale or fresh.
 */
export function dataStatus(state: DataState, rule: RefreshRule, now: number): DataStatus {
  if (state.isUnreachable) return 'unreachable';
  if (state.hasError) return 'error';
  if (!state.hasLoaded) return 'loading';
  return isStale(state.newestChangeAt, rule, now) ? 'stale' : 'fresh';
}

/**
 * "Updated 40 s ago" in the reader's language: seconds below a minute, minutes below an hour,
 * hours below two days, then days.
 * @example dataAgeText(translator('en'), 95) // 'Updated 1 min ago'
 */
export function dataAgeText(t: Translate, seconds: number | undefined): string {
  if (seconds === undefined) return t('noDataYet');
  if (seconds < 5) return t('updatedJustNow');
  if (seconds < 60) return t('updatedSeconds', { n: seconds });
  if (seconds < 3600) return t('updatedMinutes', { n: Math.floor(seconds / 60) });
  if (seconds < 48 * 3600) return t('updatedHours', { n: Math.floor(seconds / 3600) });
  return t('updatedDays', { n: Math.floor(seconds / 86_400) });
}

/**
 * The later of two ISO times (either may be missing).
 * @example laterTime('2026-01-01T00:00:00Z', undefined) // '2026-01-01T00:00:00Z'
 */
export function laterTime(a: string | undefined, b: string | undefined): string | undefined {
  if (!a) return b;
  if (!b) return a;
  return Date.parse(b) > Date.parse(a) ? b : a;
}
