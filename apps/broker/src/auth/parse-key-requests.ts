import type { Parsed, Problem } from '@legocity/ngsi-ld';
import { parseScopes, type Scope } from './scopes.js';

/** A valid POST /admin/keys body. */
export interface CreateKeyRequest {
  name: string;
  scopes: Scope[];
  expiresAt: string | undefined;
  rateLimit: number | undefined;
}

const NAME = /^[A-Za-z0-9][A-Za-z0-9 ._:@-]{0,99}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const ISO_DURATION = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;
export const DEFAULT_OVERLAP_MS = 24 * 3_600_000;
const MAX_OVERLAP_MS = 30 * 86_400_000;

/**
 * Parse a key creation body; every problem is reported, each naming its field and rule.
 * @example parseCreateKeyRequest({ name: 'weather', scopes: [{ access: 'read', tenants: ['*'] }] }, now)
 */
export function parseCreateKeyRequest(body: unknown, now: Date): Parsed<CreateKeyRequest> {
  const problems: Problem[] = [];
  const object = members(body, ['name', 'scopes', 'expiresAt', 'rateLimit'], problems);
  if (!object) return { ok: false, problems };
  const { name, expiresAt, rateLimit } = object;
  if (typeof name !== 'string' || !NAME.test(name)) {
    problems.push({
      field: 'name',
      message:
        'is required: 1–100 characters, letters, digits, space and . _ : @ - (starting with a letter or digit)',
    });
  }
  const scopes = parseScopes(object.scopes, 'scopes');
  if (!scopes.ok) problems.push(...scopes.problems);
  if (expiresAt !== undefined) {
    if (typeof expiresAt !== 'string' || !DATE_TIME.test(expiresAt) || isNaN(Date.parse(expiresAt)))
      problems.push({
        field: 'expiresAt',
        message: 'must be an ISO 8601 date-time, e.g. 2030-01-01T00:00:00Z',
      });
    else if (Date.parse(expiresAt) <= now.getTime())
      problems.push({ field: 'expiresAt', message: 'must be in the future' });
  }
  if (
    rateLimit !== undefined &&
    !(typeof rateLimit === 'number' && rateLimit >= 0 && rateLimit <= 1e6)
  )
    problems.push({
      field: 'rateLimit',
      message: 'must be a number of requests per second from 0 (unlimited) to 1000000',
    });
  if (problems.length > 0 || !scopes.ok) return { ok: false, problems };
  return {
    ok: true,
    value: {
      name: name as string,
      scopes: scopes.value,
      expiresAt: expiresAt === undefined ? undefined : new Date(expiresAt as string).toISOString(),
      rateLimit: rateLimit as number | undefined,
    },
  };
}

/**
 * Parse a rotation body: `overlap` is how long the old secret keeps working, as an ISO 8601
 * duration (PT24H, P1DT12H) or a number of seconds; default 24 h, at most 30 days.
 * @example parseRotateRequest({ overlap: 'PT1H' }) // { ok: true, value: { overlapMs: 3600000 } }
 */
export function parseRotateRequest(body: unknown): Parsed<{ overlapMs: number }> {
  const problems: Problem[] = [];
  const object = members(body ?? {}, ['overlap'], problems);
  if (!object) return { ok: false, problems };
  if (object.overlap === undefined) return { ok: true, value: { overlapMs: DEFAULT_OVERLAP_MS } };
  const overlapMs = durationMs(object.overlap);
  if (overlapMs === undefined || overlapMs > MAX_OVERLAP_MS) {
    return {
      ok: false,
      problems: [
        {
          field: 'overlap',
          message: 'must be an ISO 8601 duration (e.g. PT24H) or whole seconds, from 0 to 30 days',
        },
      ],
    };
  }
  return { ok: true, value: { overlapMs } };
}

/**
 * Parse GET /admin/audit's query: `limit` 1–1000 (default 100), `after` an event id (default 0).
 * @example parseAuditQuery({ limit: '10' }) // { ok: true, value: { limit: 10, after: 0 } }
 */
export function parseAuditQuery(
  query: Record<string, string>,
): Parsed<{ limit: number; after: number }> {
  const problems: Problem[] = [];
  const limit = query.limit === undefined ? 100 : wholeNumber(query.limit);
  if (limit === undefined || limit < 1 || limit > 1000)
    problems.push({ field: 'limit', message: 'must be a whole number from 1 to 1000' });
  const after = query.after === undefined ? 0 : wholeNumber(query.after);
  if (after === undefined)
    problems.push({ field: 'after', message: 'must be an event id (a whole number)' });
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, value: { limit: limit ?? 100, after: after ?? 0 } };
}

function members(
  body: unknown,
  allowed: readonly string[],
  problems: Problem[],
): Record<string, unknown> | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    problems.push({ field: 'body', message: 'must be a JSON object' });
    return undefined;
  }
  for (const member of Object.keys(body)) {
    if (!allowed.includes(member))
      problems.push({
        field: member,
        message: `is not allowed here (allowed: ${allowed.join(', ')})`,
      });
  }
  return body as Record<string, unknown>;
}

function durationMs(value: unknown): number | undefined {
  if (typeof value === 'number')
    return Number.isInteger(value) && value >= 0 ? value * 1000 : undefined;
  if (typeof value !== 'string') return undefined;
  const match = ISO_DURATION.exec(value);
  if (!match || value === 'P' || value.endsWith('T')) return undefined;
  const [days, hours, minutes, seconds] = match.slice(1).map((part) => Number(part ?? 0));
  return ((((days ?? 0) * 24 + (hours ?? 0)) * 60 + (minutes ?? 0)) * 60 + (seconds ?? 0)) * 1000;
}

function wholeNumber(text: string): number | undefined {
  return /^\d{1,15}$/.test(text) ? Number(text) : undefined;
}
