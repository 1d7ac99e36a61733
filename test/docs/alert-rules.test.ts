import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { defaultThresholds } from '../../apps/alerts/src/config.js';
import { recordingQuery } from '../../apps/alerts/src/promql/query.js';
import { ALERT_RULES, JOBS, RUNBOOK_FILE } from '../../apps/alerts/src/rules/index.js';
import { formatForRepo } from '../../scripts/alert-rules/format-for-repo.js';
import { RULES_FILE, renderRulesFile } from '../../scripts/alert-rules/render-rules-file.js';
import { metricInventory } from './metric-inventory.js';
import {
  promqlErrors,
  promqlMetricNames,
  promqlSelections,
  selectionKey,
} from './promql-selectors.js';

const read = (file: string) =>
  readFileSync(fileURLToPath(new URL(`../../${file}`, import.meta.url)), 'utf8');

interface RulesFile {
  groups: {
    name: string;
    rules: {
      alert: string;
      expr: string;
      for?: string;
      labels: { severity: string };
      annotations: { summary: string; description: string; runbook_url: string };
    }[];
  }[];
}

describe('deploy/prometheus/legocity-rules.yml', () => {
  const text = read(RULES_FILE);
  const file = parse(text) as RulesFile;
  const rules = file.groups.flatMap((group) => group.rules);

  it('is what the rule table generates (run npm run docs:alerts after changing a rule)', async () => {
    expect(await formatForRepo(renderRulesFile(defaultThresholds()), RULES_FILE)).toBe(text);
  });

  it('has every rule of the table, plus the heartbeat, each with a severity, a summary and a runbook', () => {
    expect(rules.map((rule) => rule.alert)).toEqual([
      ...ALERT_RULES.map((rule) => rule.name),
      'LegoCityHeartbeat',
    ]);
    for (const rule of rules) {
      expect(['critical', 'warning', 'none'], rule.alert).toContain(rule.labels.severity);
      expect(rule.annotations.summary, rule.alert).not.toBe('');
      expect(rule.annotations.runbook_url, rule.alert).toMatch(
        /^docs\/runbooks\/alerts\.md#[a-z-]+$/,
      );
    }
  });

  it('has expressions that parse as PromQL', () => {
    for (const rule of rules)
      expect(promqlErrors(rule.expr), `${rule.alert}: ${rule.expr}`).toEqual([]);
  });

  it('evaluates in the alerts service exactly the selectors Prometheus evaluates', () => {
    const thresholds = defaultThresholds();
    for (const rule of ALERT_RULES) {
      const { query, selections } = recordingQuery();
      rule.evaluate(query, thresholds);
      const fromTypeScript = selections.map(selectionKey).sort();
      const fromPromql = promqlSelections(rule.expr(thresholds)).map(selectionKey).sort();
      expect(fromTypeScript, rule.name).toEqual(fromPromql);
    }
  });

  it('links every rule to a section of the alerts runbook', () => {
    const runbook = read(RUNBOOK_FILE);
    const anchors = new Set(
      [...runbook.matchAll(/<a id="([a-z-]+)"><\/a>/g)].map((match) => match[1]),
    );
    for (const rule of rules) {
      const anchor = rule.annotations.runbook_url.split('#')[1];
      expect(anchors.has(anchor), `${rule.alert} → #${anchor}`).toBe(true);
      expect(runbook, rule.alert).toContain(rule.alert);
    }
  });

  it('matches the job names of the example Prometheus configuration', () => {
    const config = parse(read('deploy/prometheus/prometheus.yml')) as {
      rule_files: string[];
      scrape_configs: { job_name: string }[];
    };
    expect(config.rule_files).toContain('legocity-rules.yml');
    expect(config.scrape_configs.map((scrape) => scrape.job_name).sort()).toEqual(
      Object.values(JOBS).sort(),
    );
  });

  describe('against the metrics the components really export', () => {
    let exported: Set<string>;
    beforeAll(async () => {
      exported = new Set([...(await metricInventory()).values()].flatMap((names) => [...names]));
    });

    it('reads only metrics that exist', () => {
      for (const rule of rules) {
        const missing = promqlMetricNames(rule.expr).filter((name) => !exported.has(name));
        expect(missing, rule.alert).toEqual([]);
      }
    });
  });
});
