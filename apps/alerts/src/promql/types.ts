import type { Labels } from '../history/labels.js';

/** One element of an instant vector: labels (never `__name__`) and a value. */
export interface Element {
  labels: Labels;
  value: number;
}

/** An instant vector, as a PromQL expression evaluates to. */
export type Vector = readonly Element[];

/** A range vector: each series' samples in (start, end], staleness markers left out. */
export interface Matrix {
  startMs: number;
  endMs: number;
  rangeMs: number;
  series: readonly { labels: Labels; times: readonly number[]; values: readonly number[] }[];
}

/** A label matcher; only `=` and `=~` are used by the rules. */
export interface Matcher {
  label: string;
  op: '=' | '=~';
  value: string;
}

/** What a rule selected: the same tuple a PromQL selector is made of. */
export interface Selection {
  metric: string;
  matchers: readonly Matcher[];
  /** Present for a range selector (`[5m]`). */
  rangeMs?: number;
  offsetMs: number;
}
