import type { ParsedSample } from '@legocity/observability';
import type { Target } from '../scrape/targets.js';
import { METRIC_NAME, labelsKey, type Labels } from './labels.js';
import type { SampleHistory } from './sample-history.js';

/**
 * Stores one scrape of a target the way Prometheus does: every sample gets the target's `job`
 * and `instance` labels, `up` is 1 (answered) or 0 (did not), and a series the target no longer
 * exports — or every series, when the scrape failed — gets a staleness marker, so rules stop
 * seeing it at once instead of five minutes later.
 * @returns the series of this scrape, to pass back as `previous` next time.
 * @example previous = ingestScrape(history, target, Date.now(), result.ok ? result.samples : undefined, previous);
 */
export function ingestScrape(
  history: SampleHistory,
  target: Pick<Target, 'job' | 'instance'>,
  timeMs: number,
  samples: readonly ParsedSample[] | undefined,
  previous: ReadonlyMap<string, Labels>,
): Map<string, Labels> {
  const targetLabels = { job: target.job, instance: target.instance };
  history.append({ [METRIC_NAME]: 'up', ...targetLabels }, timeMs, samples ? 1 : 0);
  const current = new Map<string, Labels>();
  for (const sample of samples ?? []) {
    const name = sample.labels[METRIC_NAME];
    if (name === undefined || !history.keeps(name)) continue;
    const labels = { ...sample.labels, ...targetLabels };
    history.append(labels, timeMs, sample.value);
    current.set(labelsKey(labels), labels);
  }
  for (const [key, labels] of previous) {
    if (!current.has(key)) history.append(labels, timeMs, null);
  }
  return current;
}
