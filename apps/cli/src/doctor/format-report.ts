import type { DoctorReport } from './run-doctor.js';

const MARK = { ok: 'ok  ', warn: 'WARN', fail: 'FAIL' } as const;

/**
 * The doctor's report as text: problems first with what to do, then what is fine.
 * @example process.stdout.write(formatReport(report));
 */
export function formatReport(report: DoctorReport): string {
  const order = { fail: 0, warn: 1, ok: 2 } as const;
  const sorted = [...report.findings].sort((a, b) => order[a.status] - order[b.status]);
  const lines = [`LegoCity doctor at ${report.at}`, ''];
  for (const finding of sorted) {
    lines.push(`${MARK[finding.status]} [${finding.check}] ${finding.message}`);
    if (finding.status !== 'ok') {
      lines.push(`     what to do: ${finding.action ?? 'see the runbook'}`);
      lines.push(`     runbook:    ${finding.runbook}`);
    }
  }
  lines.push(
    '',
    report.failures + report.warnings === 0
      ? 'Everything checked is fine.'
      : `${report.failures} failing, ${report.warnings} warning${report.warnings === 1 ? '' : 's'}.`,
  );
  return `${lines.join('\n')}\n`;
}
