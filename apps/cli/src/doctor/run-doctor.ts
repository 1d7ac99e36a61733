import { backupsOverdue } from './checks/backups-overdue.js';
import { brokerErrors } from './checks/broker-errors.js';
import { cmsUnreachable } from './checks/cms-unreachable.js';
import { dashboardBackend } from './checks/dashboard-backend.js';
import { dashboardNoData } from './checks/dashboard-no-data.js';
import { firingAlerts } from './checks/firing-alerts.js';
import { keysNearExpiry } from './checks/keys-near-expiry.js';
import { resources } from './checks/resources.js';
import type { Check, DoctorContext, Finding } from './finding.js';

/** The incident playbooks, in the order an on-call engineer reads them. */
export const CHECKS: readonly Check[] = [
  brokerErrors,
  cmsUnreachable,
  dashboardBackend,
  dashboardNoData,
  keysNearExpiry,
  backupsOverdue,
  resources,
  firingAlerts,
];

/** The doctor's verdict: every finding, and whether anything is wrong. */
export interface DoctorReport {
  at: string;
  findings: Finding[];
  failures: number;
  warnings: number;
}

/**
 * Run every playbook check over one collected context.
 * @example const report = runDoctor(await collectDoctorContext(config));
 */
export function runDoctor(context: DoctorContext): DoctorReport {
  const findings = CHECKS.flatMap((check) => check(context));
  return {
    at: context.now.toISOString(),
    findings,
    failures: findings.filter((f) => f.status === 'fail').length,
    warnings: findings.filter((f) => f.status === 'warn').length,
  };
}
