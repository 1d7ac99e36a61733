import { METRIC_NAME, type Labels } from '@legocity/observability';

/** A series' labels; `__name__` holds the metric name, as in Prometheus. */
export { METRIC_NAME, type Labels };

/**
 * A stable key for a label set: the same labels in any order give the same key.
 * @example labelsKey({ job: 'b', __name__: 'up' }) === labelsKey({ __name__: 'up', job: 'b' })
 */
export function labelsKey(labels: Labels): string {
  return JSON.stringify(
    Object.keys(labels)
      .sort()
      .map((name) => [name, labels[name]]),
  );
}

/**
 * The labels without the metric name, which PromQL drops from every computed value (and
 * Prometheus from every alert).
 * @example withoutName({ __name__: 'up', job: 'broker' }) // { job: 'broker' }
 */
export function withoutName(labels: Labels): Labels {
  const { [METRIC_NAME]: _name, ...rest } = labels;
  return rest;
}

/**
 * Only the named labels (absent ones stay absent), as `by (…)` and `on (…)` keep them.
 * @example pickLabels({ job: 'b', instance: 'x', route: '/' }, ['job']) // { job: 'b' }
 */
export function pickLabels(labels: Labels, names: readonly string[]): Labels {
  const picked: Record<string, string> = {};
  for (const name of names) {
    const value = labels[name];
    if (value !== undefined && value !== '') picked[name] = value;
  }
  return picked;
}
