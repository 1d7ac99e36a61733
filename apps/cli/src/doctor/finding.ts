import type { PlatformStatus } from '../status/platform-status.js';

/** An update-server key as the broker's admin API lists it (never a secret). */
export interface KeyView {
  id: string;
  name: string;
  status: 'active' | 'expired' | 'revoked';
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  previousSecretValidUntil?: string;
}

/** What the checks look at, collected once. */
export interface DoctorContext {
  now: Date;
  status: PlatformStatus;
  keys: KeyView[] | { error: string };
  lastBackup: { finishedAt: string; archive: string } | { missing: true } | { error: string };
  disk: { path: string; availableBytes: number; totalBytes: number } | { error: string };
  memory: { availableBytes: number; totalBytes: number };
  limits: { backupMaxAgeMs: number; keyExpiryWarningMs: number; outboxMaxAgeMs: number };
}

/** One result of one playbook check: what is wrong, what to do, where to read more. */
export interface Finding {
  /** The playbook, e.g. 'dashboard-shows-no-data'. */
  check: string;
  status: 'ok' | 'warn' | 'fail';
  /** What was found, with the component or identifier. */
  message: string;
  /** What to do about it (empty when ok). */
  action?: string;
  /** docs/runbooks/… with an anchor. */
  runbook: string;
}

export type Check = (context: DoctorContext) => Finding[];

export const RUNBOOK = 'docs/runbooks/incidents.md';

/** Shorthand for a passing finding. */
export const ok = (check: string, message: string): Finding => ({
  check,
  status: 'ok',
  message,
  runbook: `${RUNBOOK}#${check}`,
});

/** Shorthand for a failing (or warning) finding with its action. */
export const problem = (
  check: string,
  status: 'warn' | 'fail',
  message: string,
  action: string,
): Finding => ({ check, status, message, action, runbook: `${RUNBOOK}#${check}` });
