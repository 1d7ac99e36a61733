import { NgsiLdError, normalizeDateTime, type Problem } from '@legocity/ngsi-ld';
import { parseIsoDuration } from './iso-duration.js';
import {
  AGGREGATION_METHODS,
  TIME_PROPERTIES,
  type Aggregation,
  type AggregationMethod,
  type TemporalQuery,
  type TemporalRepresentation,
  type TimeProperty,
  type TimeRelation,
} from './temporal-query.js';

/** Query parameters of the temporal query itself (§6.18.3.2, §6.19.3.1). */
export const TEMPORAL_PARAMS = [
  'timerel',
  'timeAt',
  'endTimeAt',
  'timeproperty',
  'lastN',
  'options',
  'format',
  'aggrMethods',
  'aggrPeriodDuration',
] as const;

/** Members of a TemporalQuery object (§5.2.21) in a POST /temporal/entityOperations/query body. */
const TEMPORAL_Q_MEMBERS = ['timerel', 'timeAt', 'endTimeAt', 'timeproperty', 'lastN'] as const;

const RELATIONS = ['before', 'after', 'between'] as const;
const OPTIONS = ['temporalValues', 'aggregatedValues', 'sysAttrs', 'normalized'] as const;
const FORMATS = ['normalized', 'temporalValues', 'aggregatedValues'] as const;

/**
 * Turn temporal query parameters into a TemporalQuery, reporting every problem at once, each
 * naming its parameter (`prefix` names where they came from, e.g. `temporalQ.` in a body).
 * @example parseTemporalQuery({ timerel: 'after', timeAt: '2024-01-01T00:00:00Z', lastN: '10' })
 */
export function parseTemporalQuery(
  params: Readonly<Record<string, string | undefined>>,
  options: { prefix?: Partial<Record<string, string>> } = {},
): TemporalQuery {
  const field = (name: string): string => `${options.prefix?.[name] ?? ''}${name}`;
  const problems: Problem[] = [];
  const timerel = parseTimeRelation(params, field, problems);
  const timeproperty = parseTimeProperty(params.timeproperty, field('timeproperty'), problems);
  const lastN = parseLastN(params.lastN, field('lastN'), problems);
  const { representation, sysAttrs } = parseRepresentation(params, problems);
  const aggregation = parseAggregation(params, representation, problems);
  if (problems.length > 0) throw NgsiLdError.fromProblems('BadRequestData', problems);
  return {
    ...(timerel ? { timerel } : {}),
    timeproperty,
    ...(lastN !== undefined ? { lastN } : {}),
    representation,
    ...(aggregation ? { aggregation } : {}),
    sysAttrs,
  };
}

/**
 * The `temporalQ` member of a Query body (§5.2.21) as string parameters for parseTemporalQuery;
 * what is not a TemporalQuery member, or not a string (lastN: a number), is a problem.
 * @example temporalQParams({ timerel: 'before', timeAt: '2024-01-01T00:00:00Z' })
 */
export function temporalQParams(raw: unknown): Record<string, string> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new NgsiLdError('BadRequestData', 'temporalQ must be a TemporalQuery object', {
      field: 'temporalQ',
    });
  }
  const problems: Problem[] = [];
  const params: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw as Record<string, unknown>)) {
    const field = `temporalQ.${name}`;
    if (!(TEMPORAL_Q_MEMBERS as readonly string[]).includes(name)) {
      problems.push({
        field,
        message: `is not a member of a TemporalQuery (members: ${TEMPORAL_Q_MEMBERS.join(', ')})`,
      });
    } else if (name === 'lastN' && typeof value === 'number') {
      params[name] = String(value);
    } else if (typeof value === 'string') {
      params[name] = value;
    } else {
      problems.push({ field, message: name === 'lastN' ? 'must be a number' : 'must be a string' });
    }
  }
  if (problems.length > 0) throw NgsiLdError.fromProblems('BadRequestData', problems);
  return params;
}

/** The prefix that makes problems of temporalQ members name them as `temporalQ.timerel`. */
export const TEMPORAL_Q_PREFIX = Object.fromEntries(
  TEMPORAL_Q_MEMBERS.map((name) => [name, 'temporalQ.']),
);

function parseTimeRelation(
  params: Readonly<Record<string, string | undefined>>,
  field: (name: string) => string,
  problems: Problem[],
): TimeRelation | undefined {
  const { timerel, timeAt, endTimeAt } = params;
  if (timerel === undefined) {
    if (timeAt !== undefined)
      problems.push({
        field: field('timeAt'),
        message: 'needs timerel (before, after or between)',
      });
    if (endTimeAt !== undefined)
      problems.push({ field: field('endTimeAt'), message: 'needs timerel=between' });
    return undefined;
  }
  if (!(RELATIONS as readonly string[]).includes(timerel)) {
    problems.push({
      field: field('timerel'),
      message: `must be one of ${RELATIONS.join(', ')} (got '${timerel}')`,
    });
    return undefined;
  }
  const start = parseDateTime(
    timeAt,
    field('timeAt'),
    `is required with timerel=${timerel}`,
    problems,
  );
  if (timerel !== 'between') {
    if (endTimeAt !== undefined)
      problems.push({ field: field('endTimeAt'), message: 'is only allowed with timerel=between' });
    return start === undefined
      ? undefined
      : { relation: timerel as 'before' | 'after', timeAt: start };
  }
  const end = parseDateTime(
    endTimeAt,
    field('endTimeAt'),
    'is required with timerel=between',
    problems,
  );
  if (start === undefined || end === undefined) return undefined;
  if (end <= start) {
    problems.push({ field: field('endTimeAt'), message: `must be later than timeAt (${start})` });
    return undefined;
  }
  return { relation: 'between', timeAt: start, endTimeAt: end };
}

function parseDateTime(
  raw: string | undefined,
  field: string,
  missing: string,
  problems: Problem[],
): string | undefined {
  if (raw === undefined) {
    problems.push({ field, message: missing });
    return undefined;
  }
  const normalized = normalizeDateTime(raw);
  if (normalized === undefined)
    problems.push({
      field,
      message: `must be a DateTime such as 2024-05-01T10:00:00Z (got '${raw}')`,
    });
  return normalized;
}

function parseTimeProperty(
  raw: string | undefined,
  field: string,
  problems: Problem[],
): TimeProperty {
  if (raw === undefined) return 'observedAt';
  if ((TIME_PROPERTIES as readonly string[]).includes(raw)) return raw as TimeProperty;
  problems.push({
    field,
    message: `must be one of ${TIME_PROPERTIES.join(', ')} (got '${raw}'; deletedAt is not recorded)`,
  });
  return 'observedAt';
}

function parseLastN(
  raw: string | undefined,
  field: string,
  problems: Problem[],
): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^\d{1,9}$/.test(raw) || Number(raw) < 1) {
    problems.push({ field, message: `must be a whole number of at least 1 (got '${raw}')` });
    return undefined;
  }
  return Number(raw);
}

function parseRepresentation(
  params: Readonly<Record<string, string | undefined>>,
  problems: Problem[],
): { representation: TemporalRepresentation; sysAttrs: boolean } {
  const chosen = new Set<TemporalRepresentation>();
  let sysAttrs = false;
  for (const option of params.options?.split(',').map((o) => o.trim()) ?? []) {
    if (!(OPTIONS as readonly string[]).includes(option)) {
      problems.push({
        field: 'options',
        message: `'${option}' is not one of ${OPTIONS.join(', ')}`,
      });
    } else if (option === 'sysAttrs') {
      sysAttrs = true;
    } else {
      chosen.add(option as TemporalRepresentation);
    }
  }
  if (params.format !== undefined) {
    if ((FORMATS as readonly string[]).includes(params.format)) {
      chosen.add(params.format as TemporalRepresentation);
    } else {
      problems.push({ field: 'format', message: `must be one of ${FORMATS.join(', ')}` });
    }
  }
  if (chosen.size > 1) {
    problems.push({
      field: params.format !== undefined ? 'format' : 'options',
      message: `${[...chosen].join(' and ')} cannot be combined; choose one representation`,
    });
  }
  return { representation: [...chosen][0] ?? 'normalized', sysAttrs };
}

function parseAggregation(
  params: Readonly<Record<string, string | undefined>>,
  representation: TemporalRepresentation,
  problems: Problem[],
): Aggregation | undefined {
  const { aggrMethods, aggrPeriodDuration } = params;
  if (representation !== 'aggregatedValues') {
    for (const [name, value] of Object.entries({ aggrMethods, aggrPeriodDuration })) {
      if (value !== undefined)
        problems.push({ field: name, message: 'is only allowed with options=aggregatedValues' });
    }
    return undefined;
  }
  const methods: AggregationMethod[] = [];
  if (aggrMethods === undefined || aggrMethods.trim() === '') {
    problems.push({ field: 'aggrMethods', message: 'is required with options=aggregatedValues' });
  } else {
    for (const method of aggrMethods.split(',').map((m) => m.trim())) {
      if ((AGGREGATION_METHODS as readonly string[]).includes(method)) {
        if (!methods.includes(method as AggregationMethod))
          methods.push(method as AggregationMethod);
      } else {
        problems.push({
          field: 'aggrMethods',
          message: `'${method}' is not one of ${AGGREGATION_METHODS.join(', ')}`,
        });
      }
    }
  }
  let periodSeconds = 0;
  if (aggrPeriodDuration !== undefined) {
    const parsed = parseIsoDuration(aggrPeriodDuration);
    if (parsed.ok) periodSeconds = parsed.seconds;
    else
      problems.push({
        field: 'aggrPeriodDuration',
        message:
          parsed.reason === 'calendar'
            ? `'${aggrPeriodDuration}' uses years or months, which have no fixed length here; give weeks, days, hours, minutes or seconds (e.g. P30D)`
            : `must be an ISO 8601 duration such as PT1H, P1D or P1W (got '${aggrPeriodDuration}')`,
      });
  }
  return { methods, periodSeconds };
}
