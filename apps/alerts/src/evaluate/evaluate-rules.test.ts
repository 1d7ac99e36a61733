import { describe, expect, it } from 'vitest';
import { recordingQuery } from '../promql/query.js';
import type { AlertRule } from '../rules/rule.js';
import { defaultThresholds } from '../config.js';
import { AlertStates } from './alert-state.js';
import { evaluateRules } from './evaluate-rules.js';

const base: Omit<AlertRule, 'name' | 'evaluate'> = {
  severity: 'warning',
  for: '0s',
  summary: 's',
  description: 'd',
  runbook: 'r',
  expr: () => 'vector(1)',
};

describe('evaluateRules', () => {
  it('keeps the alerts of a failing rule as they were and still evaluates the others', () => {
    let isBroken = false;
    const flaky: AlertRule = {
      ...base,
      name: 'Flaky',
      evaluate: () => {
        if (isBroken) throw new Error('two series in one match group');
        return [{ labels: {}, value: 1 }];
      },
    };
    const steady: AlertRule = {
      ...base,
      name: 'Steady',
      evaluate: () => [{ labels: {}, value: 1 }],
    };
    const states = new AlertStates();
    const { query } = recordingQuery(0);
    evaluateRules([flaky, steady], query, defaultThresholds(), states);
    isBroken = true;
    const { transitions, failures } = evaluateRules(
      [flaky, steady],
      recordingQuery(15_000).query,
      defaultThresholds(),
      states,
    );
    expect(failures.map((failure) => failure.rule)).toEqual(['Flaky']);
    expect(transitions).toEqual([]);
    expect(states.active().map((alert) => alert.name)).toEqual(['Flaky', 'Steady']);
  });
});
