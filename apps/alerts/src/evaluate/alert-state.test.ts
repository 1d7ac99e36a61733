import { describe, expect, it } from 'vitest';
import type { AlertRule } from '../rules/rule.js';
import { AlertStates } from './alert-state.js';

const MIN = 60_000;
const rule: AlertRule = {
  name: 'LegoCityTestDown',
  severity: 'critical',
  for: '2m',
  summary: '{{ $labels.instance }} is down',
  description: 'value {{ $value }}',
  runbook: 'test-down',
  expr: () => 'up == 0',
  evaluate: () => [],
};
const down = [{ labels: { instance: 'a:1' }, value: 0 }];

describe('AlertStates', () => {
  it('is pending while the condition holds for less than its `for`', () => {
    const states = new AlertStates();
    expect(states.update(rule, down, 0)).toEqual([]);
    expect(states.update(rule, down, MIN)).toEqual([]);
    expect(states.active()).toMatchObject([{ state: 'pending', activeSinceMs: 0 }]);
  });

  it('fires once the condition has held for its `for`, and says so once', () => {
    const states = new AlertStates();
    states.update(rule, down, 0);
    const fired = states.update(rule, down, 2 * MIN);
    expect(fired).toMatchObject([
      { kind: 'firing', atMs: 2 * MIN, alert: { summary: 'a:1 is down', firedAtMs: 2 * MIN } },
    ]);
    expect(states.update(rule, down, 3 * MIN)).toEqual([]);
    expect(states.active()).toMatchObject([
      {
        state: 'firing',
        activeSinceMs: 0,
        firedAtMs: 2 * MIN,
        runbook: 'docs/runbooks/alerts.md#test-down',
      },
    ]);
  });

  it('resolves a firing alert when the condition stops', () => {
    const states = new AlertStates();
    states.update(rule, down, 0);
    states.update(rule, down, 2 * MIN);
    expect(states.update(rule, [], 3 * MIN)).toMatchObject([
      { kind: 'resolved', atMs: 3 * MIN, alert: { name: 'LegoCityTestDown' } },
    ]);
    expect(states.active()).toEqual([]);
  });

  it('forgets a pending alert silently when the condition stops, and starts over', () => {
    const states = new AlertStates();
    states.update(rule, down, 0);
    expect(states.update(rule, [], MIN)).toEqual([]);
    states.update(rule, down, 2 * MIN);
    expect(states.update(rule, down, 3 * MIN)).toEqual([]);
    expect(states.update(rule, down, 4 * MIN)).toHaveLength(1);
  });

  it('tracks each label set on its own', () => {
    const states = new AlertStates();
    states.update(rule, down, 0);
    const both = [...down, { labels: { instance: 'b:2' }, value: 0 }];
    const fired = states.update(rule, both, 2 * MIN);
    expect(fired.map((t) => t.alert.labels)).toEqual([{ instance: 'a:1' }]);
    expect(states.active().map((a) => a.state)).toEqual(['firing', 'pending']);
  });

  it('fires at the first evaluation when `for` is zero', () => {
    const states = new AlertStates();
    expect(states.update({ ...rule, for: '0s' }, down, 0)).toHaveLength(1);
  });
});
