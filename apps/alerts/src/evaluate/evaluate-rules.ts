import type { Query } from '../promql/query.js';
import type { AlertRule, Thresholds } from '../rules/rule.js';
import type { AlertStates, Transition } from './alert-state.js';

export interface RuleFailure {
  rule: string;
  error: unknown;
}

/**
 * Evaluates every rule at the query's time and advances the alert states. A rule that throws
 * (e.g. two series in one match group) leaves its alerts as they were, like Prometheus does, and
 * is reported; the other rules still run.
 * @example const { transitions, failures } = evaluateRules(ALERT_RULES, query, thresholds, states);
 */
export function evaluateRules(
  rules: readonly AlertRule[],
  query: Query,
  thresholds: Thresholds,
  states: AlertStates,
): { transitions: Transition[]; failures: RuleFailure[] } {
  const transitions: Transition[] = [];
  const failures: RuleFailure[] = [];
  for (const rule of rules) {
    try {
      transitions.push(...states.update(rule, rule.evaluate(query, thresholds), query.timeMs));
    } catch (error) {
      failures.push({ rule: rule.name, error });
    }
  }
  return { transitions, failures };
}
