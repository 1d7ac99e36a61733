import { formatAge, formatTable } from '../platform/format-table.js';
import type { PlatformStatus } from './platform-status.js';

/**
 * `legocity status` as text: components, sources, entity counts, alerts.
 * @example process.stdout.write(formatStatus(await collectStatus(config, options)));
 */
export function formatStatus(status: PlatformStatus): string {
  const now = Date.parse(status.at);
  const out: string[] = [`LegoCity status at ${status.at}`, ''];
  out.push(
    formatTable([
      ['COMPONENT', 'STATE', 'VERSION', 'UP FOR', 'DETAIL'],
      ...status.components.map((c) => [
        c.name,
        c.state,
        c.version ? `${c.version}${c.commit ? ` (${c.commit})` : ''}` : '-',
        c.uptimeSeconds === undefined ? '-' : formatAge(c.uptimeSeconds * 1000),
        c.error ?? (c.problems.join('; ') || c.url),
      ]),
    ]),
  );
  out.push('', 'UPDATE SERVERS');
  if ('error' in status.sources) out.push(`  ${status.sources.error}`);
  else if (status.sources.length === 0) out.push('  no source configured');
  else
    out.push(
      formatTable([
        ['  SOURCE', 'STALENESS', 'LAST SUCCESS', 'LAST RUN', 'OUTBOX', 'ERRORS'],
        ...status.sources.map((s) => [
          `  ${s.id}`,
          s.staleness,
          s.lastSuccessAt ? `${formatAge(now - Date.parse(s.lastSuccessAt))} ago` : 'never',
          s.lastRun
            ? `${s.lastRun.ok ? 'ok' : 'failed'}: +${s.lastRun.created} ~${s.lastRun.updated} !${s.lastRun.rejected}`
            : '-',
          String(s.outbox.pending),
          Object.entries(s.errors)
            .map(([kind, n]) => `${kind} ${n.retryable + n.permanent}`)
            .join(', ') || '0',
        ]),
      ]),
    );
  out.push('', 'ENTITIES');
  if ('error' in status.entities) out.push(`  ${status.entities.error}`);
  else if (Object.keys(status.entities.byTenant).length === 0) out.push('  none stored');
  else
    for (const [tenant, types] of Object.entries(status.entities.byTenant)) {
      const total = Object.values(types).reduce((sum, n) => sum + n, 0);
      out.push(`  tenant ${tenant}: ${total}`);
      out.push(
        formatTable(
          Object.entries(types)
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([type, n]) => [`    ${type}`, String(n)]),
        ),
      );
    }
  out.push('', 'ALERTS');
  if ('error' in status.alerts) out.push(`  ${status.alerts.error}`);
  else if (status.alerts.length === 0) out.push('  none firing');
  else
    for (const alert of status.alerts)
      out.push(
        `  ${alert.state.toUpperCase()} ${alert.severity} ${alert.name}: ${alert.summary} (since ${alert.activeSince}; ${alert.runbook})`,
      );
  return `${out.join('\n')}\n`;
}
