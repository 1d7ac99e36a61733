import type { Parsed, Problem } from '@legocity/ngsi-ld';
import { MAX_PARAMETER_LENGTH } from '../proxy/index.js';

/** How one query parameter is read: a rule for messages and a parse that returns undefined when broken. */
export interface ParameterRule<T> {
  required?: boolean;
  default?: T;
  /** Said after the name when the value breaks the rule, e.g. "must be a whole number 1–168". */
  rule: string;
  parse(value: string): T | undefined;
}

type Rules = Record<string, ParameterRule<unknown>>;
type ValuesOf<R extends Rules> = {
  [K in keyof R]: R[K] extends ParameterRule<infer T> ? T : never;
};

/** An attribute or type name: a short name or an expanded URI, no spaces. */
export const NAME = /^[A-Za-z][A-Za-z0-9_:/.#-]{0,199}$/;
/** An entity id: a URI (scheme, colon, no spaces or quotes). */
export const ENTITY_ID = /^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>"]{1,250}$/;

/** A whole number within [min, max]. */
export function wholeNumber(min: number, max: number, fallback?: number): ParameterRule<number> {
  return {
    rule: `must be a whole number ${min}–${max}`,
    ...(fallback !== undefined && { default: fallback }),
    parse: (value) => {
      if (!/^\d{1,9}$/.test(value)) return undefined;
      const number = Number(value);
      return number >= min && number <= max ? number : undefined;
    },
  };
}

/** A string matching a pattern. */
export function matching(pattern: RegExp, rule: string): ParameterRule<string> {
  return { required: true, rule, parse: (value) => (pattern.test(value) ? value : undefined) };
}

/**
 * Reads exactly the parameters `rules` names from a query string, reporting every problem at
 * once as `name: rule` — unknown, repeated, too long, missing or broken values alike.
 * @example parseParameters(url.searchParams, { hours: wholeNumber(1, 168, 24) })
 */
export function parseParameters<R extends Rules>(
  search: URLSearchParams,
  rules: R,
): Parsed<Partial<ValuesOf<R>>> {
  const problems: Problem[] = [];
  const values: Record<string, unknown> = {};
  for (const name of new Set(search.keys())) {
    if (!(name in rules))
      problems.push({
        field: name.slice(0, 40),
        message: `is not a parameter here (allowed: ${Object.keys(rules).join(', ')})`,
      });
  }
  for (const [name, rule] of Object.entries(rules)) {
    const all = search.getAll(name);
    if (all.length > 1) {
      problems.push({ field: name, message: 'must be given once' });
      continue;
    }
    const raw = all[0];
    if (raw === undefined || raw === '') {
      if (rule.required) problems.push({ field: name, message: `is required and ${rule.rule}` });
      else if (rule.default !== undefined) values[name] = rule.default;
      continue;
    }
    const parsed = raw.length > MAX_PARAMETER_LENGTH ? undefined : rule.parse(raw);
    if (parsed === undefined) problems.push({ field: name, message: rule.rule });
    else values[name] = parsed;
  }
  return problems.length > 0
    ? { ok: false, problems }
    : { ok: true, value: values as Partial<ValuesOf<R>> };
}
