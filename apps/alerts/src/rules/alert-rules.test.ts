import { describe, expect, it } from 'vitest';
import { ALERT_RULES } from './index.js';
import { SCENARIOS } from './scenarios/index.test-support.js';
import { runScenario } from './scenarios/run-scenario.test-support.js';

describe.each(ALERT_RULES.map((rule) => [rule.name]))('%s', (name) => {
  const scenarios = SCENARIOS.filter((scenario) => scenario.rule === name);

  it('has at least one scenario that makes it fire', () => {
    expect(scenarios.some((s) => s.expect.some(({ firing }) => firing.length > 0))).toBe(true);
  });

  for (const scenario of scenarios) {
    it(scenario.title, () => {
      const firing = runScenario(scenario);
      for (const { at, firing: expected } of scenario.expect) {
        const labels = (firing.get(at) ?? []).map((alert) => alert.labels);
        expect(labels, `firing at ${at}`).toEqual(expected);
      }
    });
  }
});
