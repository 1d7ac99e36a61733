import { NgsiLdError, type Problem } from '@legocity/ngsi-ld';
import type { BrokerContext } from '../../broker-context.js';
import { formatIsoDuration, parseIsoDuration } from '../iso-duration.js';

/** A tenant's history retention as the admin API shows it. 'PT0S' means forever. */
export interface HistoryRetention {
  /** The tenant's own setting, or null when it follows the broker's default. */
  retention: string | null;
  /** What applies: the tenant's setting, else the default. */
  effective: string;
}

// legocity.tenant.history_retention_seconds is an integer column.
const MAX_SECONDS = 2_147_483_647;

/**
 * Read a PUT body `{ "retention": "P30D" }` (an ISO 8601 duration without years or months; P0D
 * keeps history forever) or `{ "retention": null }` (back to the broker's default), reporting
 * every problem at once. Returns seconds, or null.
 * @example parseRetentionBody({ retention: 'P30D' }) // 2592000
 */
export function parseRetentionBody(body: unknown): number | null {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new NgsiLdError(
      'BadRequestData',
      'The body must be an object such as {"retention": "P30D"}',
      {
        field: 'body',
      },
    );
  }
  const problems: Problem[] = [];
  for (const key of Object.keys(body)) {
    if (key !== 'retention')
      problems.push({ field: key, message: 'is not a member (only retention)' });
  }
  const { retention } = body as { retention?: unknown };
  let seconds: number | null = null;
  if (retention === undefined) {
    problems.push({ field: 'retention', message: 'is required: a duration such as P30D, or null' });
  } else if (retention !== null) {
    const parsed = typeof retention === 'string' ? parseIsoDuration(retention) : undefined;
    if (!parsed?.ok || !Number.isInteger(parsed.seconds) || parsed.seconds > MAX_SECONDS) {
      problems.push({
        field: 'retention',
        message:
          'must be an ISO 8601 duration in whole seconds, weeks, days, hours or minutes (e.g. P30D, PT12H; P0D keeps forever), or null for the broker default',
      });
    } else {
      seconds = parsed.seconds;
    }
  }
  if (problems.length > 0) throw NgsiLdError.fromProblems('BadRequestData', problems);
  return seconds;
}

/**
 * Set (or, with null, clear) a tenant's history retention. NonexistentTenant for an unknown one.
 * @example await setHistoryRetention(ctx, 'city', 30 * 86_400)
 */
export async function setHistoryRetention(
  ctx: BrokerContext,
  tenantName: string,
  seconds: number | null,
): Promise<HistoryRetention> {
  await ctx.tenants.forRead(tenantName);
  await ctx.db.query('update legocity.tenant set history_retention_seconds = $2 where name = $1', [
    tenantName,
    seconds,
  ]);
  return describe(seconds, ctx.limits.historyRetentionSeconds);
}

/**
 * A tenant's history retention. NonexistentTenant for an unknown one.
 * @example const { effective } = await getHistoryRetention(ctx, 'city') // 'P90D'
 */
export async function getHistoryRetention(
  ctx: BrokerContext,
  tenantName: string,
): Promise<HistoryRetention> {
  await ctx.tenants.forRead(tenantName);
  const { rows } = await ctx.db.query<{ seconds: number | null }>(
    'select history_retention_seconds as seconds from legocity.tenant where name = $1',
    [tenantName],
  );
  return describe(rows[0]?.seconds ?? null, ctx.limits.historyRetentionSeconds);
}

function describe(seconds: number | null, defaultSeconds: number): HistoryRetention {
  return {
    retention: seconds === null ? null : formatIsoDuration(seconds),
    effective: formatIsoDuration(seconds ?? defaultSeconds),
  };
}
