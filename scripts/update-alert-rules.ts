/**
 * `npm run docs:alerts`: regenerates deploy/prometheus/legocity-rules.yml (default thresholds)
 * and deploy/grafana/legocity.json. `npm run docs:alerts -- --out my-rules.yml` writes a rules
 * file with the thresholds of this environment (LEGOCITY_ALERTS_*) instead.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { formatProblems } from '@legocity/config';
import { defaultThresholds, readAlertsConfig, thresholdsOf } from '../apps/alerts/src/config.js';
import { formatForRepo } from './alert-rules/format-for-repo.js';
import { DASHBOARD_FILE, renderDashboard } from './alert-rules/grafana-dashboard.js';
import { RULES_FILE, renderRulesFile } from './alert-rules/render-rules-file.js';

const root = (file: string) => fileURLToPath(new URL(`../${file}`, import.meta.url));
const outIndex = process.argv.indexOf('--out');
const out = outIndex >= 0 ? process.argv[outIndex + 1] : undefined;

if (out !== undefined) {
  const loaded = readAlertsConfig();
  if (!loaded.ok) {
    process.stderr.write(`${formatProblems(loaded.problems)}\n`);
    process.exit(2);
  }
  writeFileSync(out, renderRulesFile(thresholdsOf(loaded.value)));
  process.stdout.write(`${out}: rules written with this environment's thresholds\n`);
} else {
  writeFileSync(
    root(RULES_FILE),
    await formatForRepo(renderRulesFile(defaultThresholds()), RULES_FILE),
  );
  process.stdout.write(`${RULES_FILE}: alert rules updated\n`);
  writeFileSync(root(DASHBOARD_FILE), await formatForRepo(renderDashboard(), DASHBOARD_FILE));
  process.stdout.write(`${DASHBOARD_FILE}: Grafana dashboard updated\n`);
}
