import { formatAge } from '../../platform/format-table.js';
import { ok, problem, type Check, type Finding } from '../finding.js';

const CHECK = 'dashboard-shows-no-data';

/**
 * Playbook "dashboard shows no data": the broker holds entities and every update-server source
 * is fresh, with nothing stuck in an outbox.
 */
export const dashboardNoData: Check = ({ status, now, limits }) => {
  const findings: Finding[] = [];
  if ('error' in status.entities) {
    findings.push(
      problem(
        CHECK,
        'fail',
        `Entity counts unknown: ${status.entities.error}`,
        'See broker-errors.',
      ),
    );
  } else {
    const total = Object.values(status.entities.byTenant)
      .flatMap((types) => Object.values(types))
      .reduce((sum, n) => sum + n, 0);
    findings.push(
      total === 0
        ? problem(
            CHECK,
            'fail',
            'The broker holds no entity: maps and KPIs have nothing to show',
            'Check that the update servers run and write (below); load data with `legocity seed` or a source.',
          )
        : ok(CHECK, `The broker holds ${total} entities`),
    );
  }
  if ('error' in status.sources) {
    findings.push(
      problem(
        CHECK,
        'fail',
        `Update servers: ${status.sources.error}`,
        'Start them (`npm start`) and read their log.',
      ),
    );
    return findings;
  }
  for (const source of status.sources) {
    const last = source.lastSuccessAt
      ? `last success ${formatAge(now.getTime() - Date.parse(source.lastSuccessAt))} ago`
      : 'no success yet';
    const errors = Object.entries(source.errors)
      .map(([kind, n]) => `${n.retryable + n.permanent} ${kind}`)
      .join(', ');
    // A refused key shows as auth errors while writes wait: recent ones name the cause.
    const auth = source.errors.auth;
    const isRefused =
      auth !== undefined &&
      now.getTime() - Date.parse(auth.lastAt) <= Math.max(source.outbox.oldestAgeMs, 60_000);
    const refusedAction = `The broker refuses source ${source.id}'s key (${auth?.lastMessage ?? ''}): it has expired or been revoked. Give the source a new key — \`legocity keys create updater-${source.id}-<n> --write <its entity types> > <updaters data folder>/keys/${source.id}.key\` (or set LEGOCITY_UPDATERS_<SOURCE>_KEY) — restart the update servers, then revoke the old key; the waiting entities are then delivered.`;
    if (source.staleness === 'down' || source.staleness === 'late')
      findings.push(
        problem(
          CHECK,
          source.staleness === 'down' ? 'fail' : 'warn',
          `Source ${source.id} is ${source.staleness} (${last}${errors ? `; errors: ${errors}` : ''})`,
          isRefused
            ? refusedAction
            : `Read the update servers' log for source ${source.id}: its upstream may be down, or the broker refusing writes.`,
        ),
      );
    if (source.outbox.pending > 0 && source.outbox.oldestAgeMs > limits.outboxMaxAgeMs)
      findings.push(
        problem(
          CHECK,
          'fail',
          `Source ${source.id} has ${source.outbox.pending} entities waiting in its outbox for ${formatAge(source.outbox.oldestAgeMs)}${isRefused ? ': the broker refuses its key' : ''}`,
          isRefused
            ? refusedAction
            : 'The update servers cannot write to the broker: check the broker (broker-errors); the outbox drains by itself once writes succeed.',
        ),
      );
  }
  if (findings.every((finding) => finding.status === 'ok'))
    findings.push(ok(CHECK, `All ${status.sources.length} update-server sources are fresh`));
  return findings;
};
