import { NgsiLdError, type Problem } from '@legocity/ngsi-ld';

/** Parameters of the spec this broker does not implement (yet): 501, never silently ignored. */
const NOT_IMPLEMENTED = new Set([
  'csf',
  'local',
  'via',
  'join',
  'joinLevel',
  'containedBy',
  'entityMap',
  'scopeQ',
  'datasetId',
  'expandValues',
  'collectionSize',
  'doNotCompact',
]);

export type RawQuery = Record<string, string | string[] | undefined>;

/**
 * Check query parameters against what a route accepts: unknown ones are InvalidRequest (400)
 * naming the allowed list; spec parameters we do not support are NotImplemented (501); a
 * parameter given twice is an error. Returns single string values.
 * @example const params = checkQueryParams(request.query, ['type', 'attrs'])
 */
export function checkQueryParams(
  query: RawQuery,
  allowed: readonly string[],
): Record<string, string> {
  const values: Record<string, string> = {};
  const problems: Problem[] = [];
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined) continue;
    if (!allowed.includes(name)) {
      if (NOT_IMPLEMENTED.has(name)) {
        throw new NgsiLdError(
          'NotImplemented',
          `Query parameter '${name}' is not supported by this broker`,
          {
            field: name,
          },
        );
      }
      problems.push({
        field: name,
        message: `is not a parameter of this operation (allowed: ${allowed.join(', ') || 'none'})`,
      });
      continue;
    }
    if (Array.isArray(value)) {
      problems.push({ field: name, message: 'is given more than once' });
      continue;
    }
    values[name] = value;
  }
  if (problems.length > 0) throw NgsiLdError.fromProblems('InvalidRequest', problems);
  return values;
}

/**
 * The `options` parameter (and its v1.8 aliases `format`/`pick` live elsewhere): a comma list of
 * flags, each one of `allowed`.
 * @example parseOptions('keyValues,sysAttrs', ['keyValues', 'concise', 'sysAttrs'])
 */
export function parseOptions(raw: string | undefined, allowed: readonly string[]): Set<string> {
  const options = new Set<string>();
  if (raw === undefined) return options;
  for (const option of raw.split(',').map((o) => o.trim())) {
    if (!allowed.includes(option)) {
      throw new NgsiLdError(
        'BadRequestData',
        `options: '${option}' is not one of ${allowed.join(', ')}`,
        {
          field: 'options',
        },
      );
    }
    options.add(option);
  }
  return options;
}

/**
 * A non-negative integer parameter within bounds (limit, offset).
 * @example parseInteger('20', 'limit', { min: 0, max: 1000 })
 */
export function parseInteger(
  raw: string | undefined,
  field: string,
  bounds: { min: number; max?: number },
): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw)) {
    throw new NgsiLdError('BadRequestData', `${field} must be a whole number (got '${raw}')`, {
      field,
    });
  }
  const value = Number(raw);
  if (value < bounds.min || (bounds.max !== undefined && value > bounds.max)) {
    throw new NgsiLdError(
      'BadRequestData',
      `${field} must be between ${bounds.min} and ${bounds.max ?? '∞'} (got ${value})`,
      {
        field,
      },
    );
  }
  return value;
}

/**
 * A boolean parameter: true/false.
 * @example parseBoolean('true', 'count') // true
 */
export function parseBoolean(raw: string | undefined, field: string): boolean | undefined {
  if (raw === undefined) return undefined;
  if (raw === 'true') return true;
  if (raw === 'false') return false;
  throw new NgsiLdError('BadRequestData', `${field} must be true or false (got '${raw}')`, {
    field,
  });
}
