import { parseDuration } from '@legocity/config';

/** The flags of `legocity keys create`, as given. */
export interface CreateKeyFlags {
  write?: string[];
  read?: boolean;
  admin?: boolean;
  tenant?: string[];
  expires?: string;
  rateLimit?: string;
}

/** The broker's POST /admin/keys body. */
export interface CreateKeyBody {
  name: string;
  scopes: Array<
    | { access: 'admin' }
    | { access: 'read'; tenants: string[] }
    | { access: 'write'; tenants: string[]; entityTypes: string[] }
  >;
  expiresAt?: string;
  rateLimit?: number;
}

/**
 * Turn `keys create` flags into the broker's request, or every problem by flag name. `--expires`
 * takes a date-time or a duration from now (`90d`).
 * @example parseCreateKeyFlags('weather', { write: ['WeatherObserved'] }, new Date())
 */
export function parseCreateKeyFlags(
  name: string,
  flags: CreateKeyFlags,
  now: Date,
): { ok: true; value: CreateKeyBody } | { ok: false; problems: string[] } {
  const problems: string[] = [];
  const tenants = flags.tenant && flags.tenant.length > 0 ? flags.tenant : ['default'];
  const scopes: CreateKeyBody['scopes'] = [];
  if (flags.admin) scopes.push({ access: 'admin' });
  if (flags.read) scopes.push({ access: 'read', tenants });
  if (flags.write) {
    const types = flags.write
      .flatMap((t) => t.split(','))
      .map((t) => t.trim())
      .filter(Boolean);
    if (types.length === 0)
      problems.push(
        '--write needs entity types, e.g. --write WeatherObserved,AirQualityObserved (or * for any)',
      );
    else scopes.push({ access: 'write', tenants, entityTypes: types });
  }
  if (scopes.length === 0) problems.push('give at least one of --write <types>, --read, --admin');
  let expiresAt: string | undefined;
  if (flags.expires !== undefined) {
    const ms = parseDuration(flags.expires);
    const at = ms !== undefined ? now.getTime() + ms : Date.parse(flags.expires);
    if (isNaN(at))
      problems.push(
        '--expires must be a date-time (2030-01-01T00:00:00Z) or a duration from now (90d, 12h)',
      );
    else expiresAt = new Date(at).toISOString();
  }
  let rateLimit: number | undefined;
  if (flags.rateLimit !== undefined) {
    rateLimit = Number(flags.rateLimit);
    if (!Number.isFinite(rateLimit) || rateLimit < 0)
      problems.push('--rate-limit must be a number of requests per second, 0 for unlimited');
  }
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    value: {
      name,
      scopes,
      ...(expiresAt && { expiresAt }),
      ...(rateLimit !== undefined && { rateLimit }),
    },
  };
}
