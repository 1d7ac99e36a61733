import { collectDoctorContext } from '../doctor/collect-context.js';
import { formatReport } from '../doctor/format-report.js';
import { runDoctor } from '../doctor/run-doctor.js';
import { EXIT, loadCliConfig, type Output } from './context.js';

/**
 * `legocity doctor [--json] [--strict]`: run the incident playbooks as checks and say, for each
 * problem, what is wrong and what to do. Exit 1 on a failure (or a warning with --strict).
 */
export async function doctorCommand(
  options: { json?: boolean; strict?: boolean },
  output: Output,
): Promise<number> {
  const config = loadCliConfig(output);
  if (!config) return EXIT.usage;
  const report = runDoctor(await collectDoctorContext(config));
  output.out(options.json ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report));
  const isWrong = report.failures > 0 || (options.strict === true && report.warnings > 0);
  return isWrong ? EXIT.problem : EXIT.ok;
}
