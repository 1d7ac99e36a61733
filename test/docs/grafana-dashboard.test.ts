import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatForRepo } from '../../scripts/alert-rules/format-for-repo.js';
import { DASHBOARD_FILE, renderDashboard } from '../../scripts/alert-rules/grafana-dashboard.js';
import { metricInventory } from './metric-inventory.js';
import { promqlErrors, promqlMetricNames } from './promql-selectors.js';

interface Panel {
  type: string;
  title: string;
  datasource?: { type: string; uid: string };
  targets?: { expr: string; datasource: { uid: string } }[];
}

const text = readFileSync(
  fileURLToPath(new URL(`../../${DASHBOARD_FILE}`, import.meta.url)),
  'utf8',
);
const dashboard = JSON.parse(text) as {
  uid: string;
  title: string;
  panels: Panel[];
  templating: { list: { name: string; type: string }[] };
};
const targets = dashboard.panels.flatMap((panel) =>
  (panel.targets ?? []).map((target) => ({ panel: panel.title, ...target })),
);
/** Grafana variables in an expression, replaced by what PromQL can parse. */
const asPromql = (expr: string) => expr.replaceAll('$__rate_interval', '5m');

describe('deploy/grafana/legocity.json', () => {
  it('is what the generator writes (run npm run docs:alerts after changing a panel)', async () => {
    expect(await formatForRepo(renderDashboard(), DASHBOARD_FILE)).toBe(text);
  });

  it('is a dashboard with a uid, a title and panels', () => {
    expect(dashboard.uid).toBe('legocity-overview');
    expect(dashboard.title).toBe('LegoCity');
    expect(dashboard.panels.filter((panel) => panel.type !== 'row').length).toBeGreaterThan(15);
  });

  it('takes its data source from a variable, never a hard-coded one', () => {
    expect(dashboard.templating.list).toContainEqual(
      expect.objectContaining({ name: 'datasource', type: 'datasource' }),
    );
    for (const target of targets) expect(target.datasource.uid, target.panel).toBe('${datasource}');
  });

  it('has queries that parse as PromQL', () => {
    for (const target of targets)
      expect(promqlErrors(asPromql(target.expr)), target.expr).toEqual([]);
  });

  describe('against the metrics the components really export', () => {
    let exported: Set<string>;
    beforeAll(async () => {
      exported = new Set([...(await metricInventory()).values()].flatMap((names) => [...names]));
    });

    it('queries only metrics that exist', () => {
      for (const target of targets) {
        const missing = promqlMetricNames(asPromql(target.expr)).filter(
          (name) => !exported.has(name),
        );
        expect(missing, `${target.panel}: ${target.expr}`).toEqual([]);
      }
    });
  });
});
