import { defaultThresholds } from '../../config.js';
import { AlertStates, type ActiveAlert } from '../../evaluate/alert-state.js';
import { SampleHistory } from '../../history/sample-history.js';
import { METRIC_NAME } from '../../history/labels.js';
import { promDurationMs as ms } from '../../promql/duration.js';
import { historyQuery } from '../../promql/query.js';
import { ALERT_RULES } from '../index.js';
import type { Thresholds } from '../rule.js';
import type { Scenario } from './scenario.test-support.js';
import { expandValues, seriesLabels } from './series-notation.test-support.js';

/**
 * Runs a scenario the way promtool does: samples every interval from time 0, the rule evaluated
 * every interval from 0 to the last expectation; returns the firing alerts at each expectation.
 * @example const firing = runScenario(scenario); firing.get('3m') // [ActiveAlert…]
 */
export function runScenario(
  scenario: Scenario,
  thresholds: Thresholds = defaultThresholds(),
): Map<string, ActiveAlert[]> {
  const rule = ALERT_RULES.find((candidate) => candidate.name === scenario.rule);
  if (!rule) throw new Error(`no rule ${scenario.rule}`);
  const stepMs = ms(scenario.interval ?? '15s');
  const keep = { keepMs: Infinity, fullResolutionMs: Infinity };
  const input = scenario.series.map((entry) => ({
    labels: seriesLabels(entry.series),
    values: expandValues(entry.values),
  }));
  const history = new SampleHistory({
    retention: new Map(input.map(({ labels }) => [labels[METRIC_NAME] ?? '', keep])),
  });
  for (const { labels, values } of input) {
    values.forEach((value, index) => {
      if (value !== undefined) history.append(labels, index * stepMs, value);
    });
  }
  const checkpoints = new Map(scenario.expect.map(({ at }) => [ms(at), at]));
  const lastMs = Math.max(...checkpoints.keys());
  const states = new AlertStates();
  const firing = new Map<string, ActiveAlert[]>();
  for (let timeMs = 0; timeMs <= lastMs; timeMs += stepMs) {
    states.update(rule, rule.evaluate(historyQuery(history, timeMs), thresholds), timeMs);
    const at = checkpoints.get(timeMs);
    if (at !== undefined) {
      firing.set(
        at,
        states.active().filter((alert) => alert.state === 'firing'),
      );
    }
  }
  return firing;
}
