/** One line of a restore drill's report. */
export interface DrillCheck {
  ok: boolean;
  name: string;
  detail: string;
}

export const pass = (name: string, detail: string): DrillCheck => ({ ok: true, name, detail });
export const fail = (name: string, detail: string): DrillCheck => ({ ok: false, name, detail });

/**
 * The drill's report: one line per check (ok/FAIL), notes, and the verdict.
 * @example output.out(formatDrillReport({ archive, checks, notes, durationMs }));
 */
export function formatDrillReport(report: {
  archive: string;
  createdAt?: string | undefined;
  checks: readonly DrillCheck[];
  notes: readonly string[];
  durationMs: number;
}): string {
  const failed = report.checks.filter((check) => !check.ok).length;
  const width = Math.max(...report.checks.map((check) => check.name.length), 8);
  const lines = [
    `Restore drill of ${report.archive}${report.createdAt ? ` (made ${report.createdAt})` : ''}`,
    ...report.checks.map(
      (check) =>
        `  ${check.ok ? 'ok  ' : 'FAIL'}  ${check.name.padEnd(width)}  ${check.detail.replace(/\n/g, '\n        ')}`,
    ),
    ...report.notes.map((note) => `  note  ${note}`),
    failed === 0 && report.checks.length > 0
      ? `PASSED: ${report.checks.length} checks in ${(report.durationMs / 1000).toFixed(1)} s; the scratch environment was removed.`
      : `FAILED: ${failed} of ${report.checks.length} checks; the scratch environment was removed.`,
  ];
  return `${lines.join('\n')}\n`;
}
