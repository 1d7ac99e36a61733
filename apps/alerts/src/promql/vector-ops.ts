import { labelsKey, pickLabels, type Labels } from '../history/labels.js';
import { messages } from '../messages.js';
import type { Element, Vector } from './types.js';

export type Comparison = '>' | '<' | '>=' | '<=' | '==' | '!=';
export type Arithmetic = '+' | '-' | '*' | '/';

/** `on (…)` label names for vector matching; undefined matches on every label. */
export type On = readonly string[] | undefined;

const COMPARE: Record<Comparison, (a: number, b: number) => boolean> = {
  '>': (a, b) => a > b,
  '<': (a, b) => a < b,
  '>=': (a, b) => a >= b,
  '<=': (a, b) => a <= b,
  '==': (a, b) => a === b,
  '!=': (a, b) => a !== b,
};

const ARITHMETIC: Record<Arithmetic, (a: number, b: number) => number> = {
  '+': (a, b) => a + b,
  '-': (a, b) => a - b,
  '*': (a, b) => a * b,
  '/': (a, b) => a / b,
};

/**
 * `sum by (labels) (v)`.
 * @example sumBy(['job'], rate(requests)) // one element per job
 */
export function sumBy(labels: readonly string[], vector: Vector): Vector {
  return aggregate(labels, vector, (a, b) => a + b);
}

/** `max by (labels) (v)`. */
export function maxBy(labels: readonly string[], vector: Vector): Vector {
  return aggregate(labels, vector, (a, b) => (b > a || Number.isNaN(a) ? b : a));
}

/**
 * A comparison with a scalar, without `bool`: keeps the elements for which it holds.
 * @example filter(up, '==', 0)
 */
export function filter(vector: Vector, op: Comparison, scalar: number): Vector {
  return vector.filter((element) => COMPARE[op](element.value, scalar));
}

/** `scalar op v` (e.g. `time() - v`, `0.8 * v`). */
export function scalarLeft(scalar: number, op: Arithmetic, vector: Vector): Vector {
  return vector.map(({ labels, value }) => ({ labels, value: ARITHMETIC[op](scalar, value) }));
}

/**
 * `a op b` between two vectors, one-to-one on all labels (or `on (…)`): the result has a's labels.
 * Like Prometheus, fails when one side has two elements for one match group.
 */
export function arithmetic(a: Vector, op: Arithmetic, b: Vector, on?: On): Vector {
  const right = uniqueIndex(b, on);
  uniqueIndex(a, on);
  return a.flatMap(({ labels, value }) => {
    const match = right.get(signature(labels, on));
    return match ? [{ labels, value: ARITHMETIC[op](value, match.value) }] : [];
  });
}

/** `a op b` comparison between two vectors, without `bool`: keeps a's elements where it holds. */
export function compare(a: Vector, op: Comparison, b: Vector, on?: On): Vector {
  const right = uniqueIndex(b, on);
  uniqueIndex(a, on);
  return a.filter(({ labels, value }) => {
    const match = right.get(signature(labels, on));
    return match !== undefined && COMPARE[op](value, match.value);
  });
}

/** `a and on (…) b`: a's elements that have a match in b. */
export function and(a: Vector, b: Vector, on?: On): Vector {
  const keys = new Set(b.map(({ labels }) => signature(labels, on)));
  return a.filter(({ labels }) => keys.has(signature(labels, on)));
}

/** `a unless on (…) b`: a's elements without a match in b. */
export function unless(a: Vector, b: Vector, on?: On): Vector {
  const keys = new Set(b.map(({ labels }) => signature(labels, on)));
  return a.filter(({ labels }) => !keys.has(signature(labels, on)));
}

function aggregate(
  labels: readonly string[],
  vector: Vector,
  combine: (a: number, b: number) => number,
): Vector {
  const groups = new Map<string, Element>();
  for (const element of vector) {
    const grouped = pickLabels(element.labels, labels);
    const key = labelsKey(grouped);
    const current = groups.get(key);
    groups.set(key, {
      labels: grouped,
      value: current ? combine(current.value, element.value) : element.value,
    });
  }
  return [...groups.values()];
}

function signature(labels: Labels, on: On): string {
  return labelsKey(on ? pickLabels(labels, on) : labels);
}

function uniqueIndex(vector: Vector, on: On): Map<string, Element> {
  const index = new Map<string, Element>();
  for (const element of vector) {
    const key = signature(element.labels, on);
    if (index.has(key)) throw new Error(messages.duplicateMatchGroup(key));
    index.set(key, element);
  }
  return index;
}
