import type { SampleHistory } from '../history/sample-history.js';
import { promDurationMs } from './duration.js';
import { selectInstant, selectRange } from './select.js';
import type { Matcher, Matrix, Selection, Vector } from './types.js';

/** Label matchers as a rule writes them: `{ status: re('5..'), job: 'legocity-broker' }`. */
export type MatcherSpec = Readonly<Record<string, string | { re: string }>>;

/**
 * A regular-expression matcher (`=~`), anchored like PromQL's.
 * @example query.matrix('legocity_broker_http_requests_total', { status: re('5..') }, '5m')
 */
export function re(pattern: string): { re: string } {
  return { re: pattern };
}

/**
 * What a rule's TypeScript evaluation reads: the same selectors its PromQL has, with durations
 * written as in PromQL ('5m', '1h').
 */
export interface Query {
  /** Evaluation time, ms since the epoch. */
  readonly timeMs: number;
  /** `time()`: evaluation time in seconds. */
  time(): number;
  /** `metric{matchers} offset o` */
  vector(metric: string, matchers?: MatcherSpec, options?: { offset?: string }): Vector;
  /** `metric{matchers}[range] offset o` */
  matrix(
    metric: string,
    matchers: MatcherSpec,
    range: string,
    options?: { offset?: string },
  ): Matrix;
}

/**
 * A Query over the sample history at one evaluation time.
 * @example const query = historyQuery(history, Date.now()); query.vector('up', { job: 'legocity-broker' })
 */
export function historyQuery(history: SampleHistory, timeMs: number): Query {
  return {
    timeMs,
    time: () => timeMs / 1000,
    vector: (metric, matchers = {}, options = {}) =>
      selectInstant(history, metric, toMatchers(matchers), timeMs - toMs(options.offset)),
    matrix: (metric, matchers, range, options = {}) =>
      selectRange(
        history,
        metric,
        toMatchers(matchers),
        toMs(range),
        timeMs - toMs(options.offset),
      ),
  };
}

/**
 * A Query that answers nothing and writes down every selector asked for: what a rule reads
 * (compared with its PromQL in tests; sizes the history in the evaluator).
 * @example const { query, selections } = recordingQuery(); rule.evaluate(query, thresholds);
 */
export function recordingQuery(timeMs = 0): { query: Query; selections: Selection[] } {
  const selections: Selection[] = [];
  const query: Query = {
    timeMs,
    time: () => timeMs / 1000,
    vector(metric, matchers = {}, options = {}) {
      selections.push({ metric, matchers: toMatchers(matchers), offsetMs: toMs(options.offset) });
      return [];
    },
    matrix(metric, matchers, range, options = {}) {
      const offsetMs = toMs(options.offset);
      selections.push({ metric, matchers: toMatchers(matchers), rangeMs: toMs(range), offsetMs });
      return { startMs: timeMs, endMs: timeMs, rangeMs: toMs(range), series: [] };
    },
  };
  return { query, selections };
}

function toMatchers(spec: MatcherSpec): Matcher[] {
  return Object.entries(spec).map(([label, value]) =>
    typeof value === 'string'
      ? { label, op: '=' as const, value }
      : { label, op: '=~' as const, value: value.re },
  );
}

function toMs(duration: string | undefined): number {
  return duration === undefined ? 0 : promDurationMs(duration);
}
