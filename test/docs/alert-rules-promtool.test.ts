/**
 * The same scenarios as apps/alerts/src/rules/alert-rules.test.ts, run through Prometheus's own
 * rule engine (`promtool test rules`) against the generated rules file: Prometheus must fire the
 * same alerts, at the same times, with the same labels and the same rendered annotations as the
 * alerts service. Needs promtool (Debian: `apt-get install prometheus`); without it the suite is
 * skipped, and says so.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { defaultThresholds } from '../../apps/alerts/src/config.js';
import { SCENARIOS } from '../../apps/alerts/src/rules/scenarios/index.test-support.js';
import type { Scenario } from '../../apps/alerts/src/rules/scenarios/scenario.test-support.js';
import { runScenario } from '../../apps/alerts/src/rules/scenarios/run-scenario.test-support.js';
import { renderRulesFile } from '../../scripts/alert-rules/render-rules-file.js';

const run = promisify(execFile);
const promtool = await run('promtool', ['--version']).then(
  () => true,
  () => false,
);

// CI installs Prometheus (.ci/run): there, a missing promtool is a failure, not a skip.
describe.runIf(process.env.CI === 'true')('promtool in CI', () => {
  it('is installed', () => {
    expect(promtool, 'promtool (Debian package prometheus) must be installed in CI').toBe(true);
  });
});

describe.skipIf(!promtool)('the rules under promtool (skipped: promtool is not installed)', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'legocity-promtool-'));
    await writeFile(join(dir, 'rules.yml'), renderRulesFile(defaultThresholds()));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('pass promtool check rules', async () => {
    const { stdout } = await run('promtool', ['check', 'rules', join(dir, 'rules.yml')]);
    expect(stdout).toContain('SUCCESS');
  });

  it.each(SCENARIOS.map((scenario) => [scenario.rule, scenario.title, scenario] as const))(
    '%s %s, in Prometheus too',
    async (_rule, _title, scenario) => {
      const file = join(dir, `${scenario.rule}-${SCENARIOS.indexOf(scenario)}.yml`);
      await writeFile(file, promtoolTest(scenario));
      const result = await run('promtool', ['test', 'rules', file]).then(
        ({ stdout }) => ({ ok: true, output: stdout }),
        (error: { stdout?: string; stderr?: string }) => ({
          ok: false,
          output: `${error.stdout ?? ''}${error.stderr ?? ''}`,
        }),
      );
      expect(result.output, result.output).toContain('SUCCESS');
    },
  );
});

/** A promtool unit test whose expected alerts are what the alerts service computed. */
function promtoolTest(scenario: Scenario): string {
  const interval = scenario.interval ?? '15s';
  const firing = runScenario(scenario);
  return stringify({
    rule_files: ['rules.yml'],
    evaluation_interval: interval,
    tests: [
      {
        interval,
        input_series: scenario.series.map(({ series, values }) => ({ series, values })),
        alert_rule_test: scenario.expect.map(({ at }) => ({
          eval_time: at,
          alertname: scenario.rule,
          exp_alerts: (firing.get(at) ?? []).map((alert) => ({
            exp_labels: { severity: alert.severity, ...alert.labels },
            exp_annotations: {
              summary: alert.summary,
              description: alert.description,
              runbook_url: alert.runbook,
            },
          })),
        })),
      },
    ],
  });
}
