import { collectDoctorContext, readLastBackup } from '../doctor/collect-context.js';
import { formatReport } from '../doctor/format-report.js';
import { PERIODS, routineFindings, type Period } from '../routine/routine-checks.js';
import { EXIT, loadCliConfig, type Output } from './context.js';

/**
 * `legocity routine daily|weekly|monthly [--json]`: the routine checks of the requirements as one
 * report (the doctor's playbooks, plus the restore drill, key hygiene and versions). Exit 1 when
 * something fails.
 */
export async function routineCommand(
  period: string,
  options: { json?: boolean },
  output: Output,
): Promise<number> {
  if (!PERIODS.includes(period as Period)) {
    output.err(`legocity routine: period '${period}' must be one of ${PERIODS.join(', ')}\n`);
    return EXIT.usage;
  }
  const config = loadCliConfig(output);
  if (!config) return EXIT.usage;
  const context = await collectDoctorContext(config);
  // last-verify.json has last-backup.json's shape; it is written by `restore --verify`.
  const lastVerify = await readLastBackup(config.backupDir, 'last-verify.json');
  const findings = routineFindings(period as Period, { ...context, lastVerify });
  const report = {
    at: context.now.toISOString(),
    period,
    findings,
    failures: findings.filter((f) => f.status === 'fail').length,
    warnings: findings.filter((f) => f.status === 'warn').length,
  };
  output.out(
    options.json
      ? `${JSON.stringify(report, null, 2)}\n`
      : formatReport(report).replace('LegoCity doctor', `LegoCity ${period} routine`),
  );
  return report.failures > 0 ? EXIT.problem : EXIT.ok;
}
