/**
 * deploy/prometheus/legocity-rules.yml, generated from the alert table of apps/alerts so that
 * Prometheus and the alerts service evaluate the same conditions. `npm run docs:alerts` writes
 * it; test/docs/alert-rules.test.ts fails when the committed file is stale.
 */
import { stringify } from 'yaml';
import {
  ALERT_RULES,
  HEARTBEAT,
  runbookUrl,
  type AlertRule,
  type Thresholds,
} from '../../apps/alerts/src/rules/index.js';

export const RULES_FILE = 'deploy/prometheus/legocity-rules.yml';

const HEADER = `# LegoCity alert rules for Prometheus.
# Generated from apps/alerts/src/rules by \`npm run docs:alerts\`: do not edit by hand.
# The alerts service (apps/alerts) evaluates the same conditions itself.
# Job names must match deploy/prometheus/prometheus.yml (legocity-broker, legocity-updaters,
# legocity-dashboard, legocity-alerts). Runbooks: docs/runbooks/alerts.md.
`;

/**
 * The rules file for the given thresholds (the defaults in the committed file).
 * @example writeFileSync(RULES_FILE, renderRulesFile(defaultThresholds()))
 */
export function renderRulesFile(
  thresholds: Thresholds,
  rules: readonly AlertRule[] = ALERT_RULES,
): string {
  const document = {
    groups: [
      {
        name: 'legocity',
        rules: [
          ...rules.map((rule) => ({
            alert: rule.name,
            expr: rule.expr(thresholds),
            for: rule.for,
            labels: { severity: rule.severity },
            annotations: {
              summary: rule.summary,
              description: rule.description,
              runbook_url: runbookUrl(rule),
            },
          })),
          {
            alert: HEARTBEAT.name,
            expr: HEARTBEAT.expr,
            labels: { severity: HEARTBEAT.severity },
            annotations: {
              summary: HEARTBEAT.summary,
              description: HEARTBEAT.description,
              runbook_url: runbookUrl(HEARTBEAT),
            },
          },
        ],
      },
    ],
  };
  return `${HEADER}${stringify(document, { lineWidth: 0, blockQuote: 'literal' })}`;
}
