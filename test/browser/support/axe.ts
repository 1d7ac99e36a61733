/**
 * axe-core in the page under test: inject axe.min.js, run it, keep the serious and critical
 * violations (with every node they were found on, for the failure message).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Page } from 'playwright-core';
import type { AxeViolation, PageWindow } from './page-globals.js';

const AXE_SOURCE = readFileSync(
  join(dirname(createRequire(import.meta.url).resolve('axe-core')), 'axe.min.js'),
  'utf8',
);

/**
 * Every axe violation on the page as it is now.
 * @example const serious = seriousOnly(await axeViolations(page));
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: AXE_SOURCE });
  return page.evaluate(async () => {
    const { axe } = globalThis as unknown as PageWindow;
    if (!axe) throw new Error('axe-core did not load in the page');
    const result = await axe.run();
    return result.violations;
  });
}

/** The violations with impact serious or critical. */
export function seriousOnly(violations: AxeViolation[]): AxeViolation[] {
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** One readable block per violation: rule, impact, help and the offending nodes. */
export function describeViolations(violations: AxeViolation[]): string {
  return violations
    .map(
      (v) =>
        `${v.impact ?? 'unknown'} ${v.id}: ${v.help} (${v.helpUrl})\n` +
        v.nodes
          .slice(0, 10)
          .map((n) => `    ${JSON.stringify(n.target)} ${n.html.slice(0, 200)}`)
          .join('\n'),
    )
    .join('\n');
}
