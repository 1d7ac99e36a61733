import { formatAge } from '../platform/format-table.js';
import { keysNearExpiry } from '../doctor/checks/keys-near-expiry.js';
import type { DoctorContext, Finding } from '../doctor/finding.js';
import { CHECKS } from '../doctor/run-doctor.js';

export type Period = 'daily' | 'weekly' | 'monthly';
export const PERIODS: readonly Period[] = ['daily', 'weekly', 'monthly'];

const DAY_MS = 86_400_000;
const RUNBOOK = 'docs/runbooks/routine.md';

/** What the weekly and monthly routines read beyond the doctor's context. */
export interface RoutineContext extends DoctorContext {
  /** `<backupDir>/last-verify.json`: the last successful restore drill. */
  lastVerify: { finishedAt: string; archive: string } | { missing: true } | { error: string };
}

/**
 * The routine checks of a period, as findings: daily = every doctor playbook; weekly adds the
 * restore drill and keys expiring within 30 days; monthly adds key age, unused keys and mixed
 * component versions. Each period includes the shorter ones.
 * @example routineFindings('weekly', context)
 */
export function routineFindings(period: Period, context: RoutineContext): Finding[] {
  if (period === 'daily') return CHECKS.flatMap((check) => check(context));
  // From weekly on, look a month ahead for expiring keys instead of the doctor's window.
  const monthAhead = { ...context, limits: { ...context.limits, keyExpiryWarningMs: 30 * DAY_MS } };
  const findings = CHECKS.flatMap((check) =>
    check === keysNearExpiry ? check(monthAhead) : check(context),
  );
  findings.push(restoreDrill(context));
  if (period === 'weekly') return findings;
  return [...findings, ...keyHygiene(context), versions(context)];
}

function restoreDrill({ lastVerify, now }: RoutineContext): Finding {
  const check = 'restore-drill';
  const base = { check, runbook: `${RUNBOOK}#restore-drill` };
  if ('error' in lastVerify)
    return {
      ...base,
      status: 'fail',
      message: lastVerify.error,
      action: 'Fix or remove last-verify.json, then run `legocity restore --verify <archive>`.',
    };
  if ('missing' in lastVerify)
    return {
      ...base,
      status: 'warn',
      message: 'No restore drill has been run',
      action:
        'Run `legocity restore --verify <latest archive>` (it restores into a scratch environment and tears it down).',
    };
  const age = now.getTime() - Date.parse(lastVerify.finishedAt);
  return age > 7 * DAY_MS
    ? {
        ...base,
        status: 'warn',
        message: `The last restore drill (${lastVerify.archive}) was ${formatAge(age)} ago`,
        action: 'Run `legocity restore --verify <latest archive>` this week.',
      }
    : {
        ...base,
        status: 'ok',
        message: `Last restore drill ${formatAge(age)} ago (${lastVerify.archive})`,
      };
}

function keyHygiene({ keys, now }: RoutineContext): Finding[] {
  const base = { check: 'key-hygiene', runbook: `${RUNBOOK}#key-hygiene` };
  if ('error' in keys)
    return [
      {
        ...base,
        status: 'warn',
        message: `Keys not checked: ${keys.error}`,
        action: 'Give the CLI the broker admin key.',
      },
    ];
  const findings: Finding[] = [];
  for (const key of keys.filter((k) => k.status === 'active')) {
    const age = now.getTime() - Date.parse(key.createdAt);
    const idle = key.lastUsedAt === null ? age : now.getTime() - Date.parse(key.lastUsedAt);
    if (idle > 30 * DAY_MS)
      findings.push({
        ...base,
        status: 'warn',
        message: `Key ${key.name} (${key.id}) has not been used for ${formatAge(idle)}`,
        action: `Revoke it if nothing needs it: \`legocity keys revoke ${key.id}\`.`,
      });
    else if (age > 90 * DAY_MS && !key.previousSecretValidUntil)
      findings.push({
        ...base,
        status: 'warn',
        message: `Key ${key.name} (${key.id}) is ${formatAge(age)} old`,
        action: `Rotate it: \`legocity keys rotate ${key.id}\`, then hand the new secret to its update server.`,
      });
  }
  return findings.length > 0
    ? findings
    : [{ ...base, status: 'ok', message: 'Every active key is in use and younger than 90 days' }];
}

function versions({ status }: RoutineContext): Finding {
  const base = { check: 'component-versions', runbook: `${RUNBOOK}#component-versions` };
  const seen = status.components
    .filter((c) => c.version)
    .map((c) => `${c.name} ${c.version}${c.commit ? ` (${c.commit})` : ''}`);
  const distinct = new Set(
    status.components.filter((c) => c.version).map((c) => `${c.version}/${c.commit ?? ''}`),
  );
  return distinct.size > 1
    ? {
        ...base,
        status: 'warn',
        message: `Components run different versions: ${seen.join(', ')}`,
        action:
          'Finish the update: every component should run the same release (docs/runbooks/routine.md#component-versions).',
      }
    : { ...base, status: 'ok', message: `Every component runs ${seen[0] ?? 'an unknown version'}` };
}
