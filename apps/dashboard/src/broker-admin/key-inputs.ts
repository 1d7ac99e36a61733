import type { Parsed, Problem } from '@legocity/ngsi-ld';

/** A valid request to create an update-server key. */
export interface CreateKeyInput {
  name: string;
  entityTypes: string[];
  /** Tenant the key may write; absent → the broker's tenant. */
  tenant: string | undefined;
  expiresInDays: number | undefined;
}

/** A valid rotation request: how long the old secret keeps working. */
export interface RotateKeyInput {
  overlapHours: number | undefined;
}

export const MAX_ENTITY_TYPES = 50;
export const MAX_EXPIRY_DAYS = 3650;
export const MAX_OVERLAP_HOURS = 720;

const NAME = /^[A-Za-z0-9][\w .-]{0,99}$/;
const ENTITY_TYPE = /^[A-Za-z][A-Za-z0-9_:/.#-]{0,255}$/;
const TENANT = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,62}$/;
const KEY_ID = /^[0-9a-f]{16}$/;
const DOC_ID = /^[1-9][0-9]{0,14}$/;

/**
 * Parse a create body `{ name, entityTypes, tenant?, expiresInDays? }`; every problem is reported,
 * each naming its field and rule. Entity types are deduplicated; "*" is refused on purpose (an
 * update server gets only the types it writes).
 * @example parseCreateKeyInput({ name: 'weather', entityTypes: ['WeatherObserved'] })
 */
export function parseCreateKeyInput(body: unknown): Parsed<CreateKeyInput> {
  const problems: Problem[] = [];
  const object = members(body, ['name', 'entityTypes', 'tenant', 'expiresInDays'], problems);
  if (!object) return { ok: false, problems };
  const { name, tenant, expiresInDays } = object;
  if (typeof name !== 'string' || !NAME.test(name)) {
    problems.push({
      field: 'name',
      message:
        'is required: 1–100 characters of letters, digits, spaces and _ . - (starting with a letter or digit)',
    });
  }
  const entityTypes = parseEntityTypes(object.entityTypes, problems);
  if (tenant !== undefined && (typeof tenant !== 'string' || !TENANT.test(tenant))) {
    problems.push({
      field: 'tenant',
      message: 'must be 1–63 characters: letters, digits, and _ . : - (not starting with a symbol)',
    });
  }
  if (expiresInDays !== undefined && !isWholeNumber(expiresInDays, 1, MAX_EXPIRY_DAYS)) {
    problems.push({
      field: 'expiresInDays',
      message: `must be a whole number of days from 1 to ${MAX_EXPIRY_DAYS}`,
    });
  }
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    value: {
      name: name as string,
      entityTypes,
      tenant: tenant as string | undefined,
      expiresInDays: expiresInDays as number | undefined,
    },
  };
}

/**
 * Parse a rotate body `{ overlapHours? }` (empty body allowed: the broker's default, 24 h).
 * @example parseRotateKeyInput({ overlapHours: 2 }) // { ok: true, value: { overlapHours: 2 } }
 */
export function parseRotateKeyInput(body: unknown): Parsed<RotateKeyInput> {
  const problems: Problem[] = [];
  const object = members(body ?? {}, ['overlapHours'], problems);
  if (!object) return { ok: false, problems };
  const { overlapHours } = object;
  if (overlapHours !== undefined && !isWholeNumber(overlapHours, 0, MAX_OVERLAP_HOURS)) {
    problems.push({
      field: 'overlapHours',
      message: `must be a whole number of hours from 0 to ${MAX_OVERLAP_HOURS} (30 days)`,
    });
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, value: { overlapHours: overlapHours as number | undefined } };
}

/**
 * Parse a broker key id from the path: 16 lowercase hexadecimal characters. The value is never
 * echoed (a whole key pasted by mistake must not come back).
 * @example parseKeyId('9f2c4e1a0b7d3c55')
 */
export function parseKeyId(raw: unknown): Parsed<string> {
  return typeof raw === 'string' && KEY_ID.test(raw)
    ? { ok: true, value: raw }
    : { ok: false, problems: [{ field: 'keyId', message: 'must be 16 hexadecimal characters' }] };
}

/**
 * Parse a broker document id from the path: a positive whole number.
 * @example parseBrokerId('3') // { ok: true, value: 3 }
 */
export function parseBrokerId(raw: unknown): Parsed<number> {
  return typeof raw === 'string' && DOC_ID.test(raw)
    ? { ok: true, value: Number(raw) }
    : { ok: false, problems: [{ field: 'id', message: 'must be a broker id (a whole number)' }] };
}

function parseEntityTypes(raw: unknown, problems: Problem[]): string[] {
  if (!Array.isArray(raw) || raw.length === 0 || raw.length > MAX_ENTITY_TYPES) {
    problems.push({
      field: 'entityTypes',
      message: `is required: a list of 1 to ${MAX_ENTITY_TYPES} entity type names`,
    });
    return [];
  }
  raw.forEach((type: unknown, index) => {
    if (typeof type !== 'string' || !ENTITY_TYPE.test(type)) {
      problems.push({
        field: `entityTypes[${index}]`,
        message:
          'must be an entity type name or URI: starts with a letter, no spaces, at most 256 characters',
      });
    }
  });
  return [...new Set(raw as string[])];
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
    if (!allowed.includes(member)) {
      problems.push({
        field: member,
        message: `is not allowed here (allowed: ${allowed.join(', ')})`,
      });
    }
  }
  return body as Record<string, unknown>;
}

function isWholeNumber(value: unknown, min: number, max: number): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}
