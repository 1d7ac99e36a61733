import type { AttributePath, QExpression, QScalar, QValue } from '@legocity/ngsi-ld';
import type { SqlParams } from '../../storage/sql-params.js';
import { jsonpathString, postgresRegex } from './jsonpath-text.js';
import { JsonpathVars } from './jsonpath-vars.js';
import { existsJsonpath, matchJsonpath, type TargetRule } from './q-jsonpath.js';
import { comparisonPredicate } from './q-predicate.js';

export interface QToSqlOptions {
  /** The jsonb column of stored attributes, e.g. `e.attrs`. */
  attrsColumn: string;
  /** Expand an attribute or sub-attribute name to its IRI with the request's @context. */
  expandAttribute: (name: string) => string;
  /**
   * Expand a query value compared with a VocabProperty, whose stored vocab is an IRI (§4.9: "the
   * target value shall be expanded according to the @context"). Without it, values compare as given.
   */
  expandVocab?: (value: string) => string;
  params: SqlParams;
}

type Comparison = Extract<QExpression, { kind: 'comparison' }>;
type Pattern = Extract<QExpression, { kind: 'pattern' }>;

const TEXT_KINDS = new Set(['string', 'uri', 'dateTime', 'date', 'time']);

/**
 * Translate a parsed q (ETSI GS CIM 009 v1.8.1 §4.9) into a boolean SQL expression over the
 * stored attributes. Each term is one `jsonb_path_exists` (two for != and !~=), with the
 * jsonpath and its variables bound as parameters. A term matches when any instance (datasetId)
 * and any element of an array value matches. `a!=v` means: the target exists and no value
 * equals v; `!~=` likewise, among string values. Relationship objects only take == and !=.
 * Regular expressions run on PostgreSQL's engine (see postgresRegex for the differences).
 * @example
 * const params = new SqlParams();
 * const where = qToSql(parsed.value, { attrsColumn: 'e.attrs', expandAttribute: (n) => context.expandTerm(n), params });
 * await db.query(`select id from entity e where ${where}`, params.values);
 */
export function qToSql(expression: QExpression, options: QToSqlOptions): string {
  switch (expression.kind) {
    case 'and':
    case 'or':
      return `(${expression.operands.map((operand) => qToSql(operand, options)).join(` ${expression.kind} `)})`;
    case 'exists': {
      const sql = existsSql(expression.path, options);
      return expression.negated ? `not ${sql}` : sql;
    }
    case 'comparison':
      return comparisonSql(expression, options);
    case 'pattern':
      return patternSql(expression, options);
  }
}

function existsSql(path: AttributePath, options: QToSqlOptions): string {
  const simple = path.subAttributes.length === 0 && !path.member && path.jsonPath.length === 0;
  // A top-level attribute is a key of attrs: `?` is cheaper than a jsonpath.
  if (simple)
    return `(${options.attrsColumn} ? ${options.params.add(options.expandAttribute(path.attribute))})`;
  return pathExists(existsJsonpath(path, options.expandAttribute), undefined, options);
}

function comparisonSql({ path, operator, value }: Comparison, options: QToSqlOptions): string {
  const vars = new JsonpathVars();
  const predicate = comparisonPredicate(operator, value, vars);
  const values =
    value.kind === 'range' ? [value.min] : value.kind === 'list' ? value.values : [value];
  const rule: TargetRule = {
    relationships: operator === '==' || operator === '!=',
    text: values.some((scalar) => TEXT_KINDS.has(scalar.kind)),
  };
  const vocabValue = options.expandVocab ? expandVocabValue(value, options.expandVocab) : value;
  const vocabPredicate =
    vocabValue === value ? undefined : comparisonPredicate(operator, vocabValue, vars);
  const matches = pathExists(
    matchJsonpath(path, options.expandAttribute, predicate, rule, vocabPredicate),
    vars,
    options,
  );
  return operator === '!=' ? `(${existsSql(path, options)} and not ${matches})` : matches;
}

/** The query value as a VocabProperty compares it: quoted strings expanded to IRIs. */
function expandVocabValue(value: QValue, expand: (value: string) => string): QValue {
  const scalar = (item: QScalar): QScalar =>
    item.kind === 'string' ? { kind: 'string', value: expand(item.value) } : item;
  if (value.kind === 'list') {
    return value.values.some((item) => item.kind === 'string')
      ? { kind: 'list', values: value.values.map(scalar) }
      : value;
  }
  return value.kind === 'string' ? scalar(value) : value;
}

function patternSql(expression: Pattern, options: QToSqlOptions): string {
  const rule: TargetRule = { relationships: false, text: true };
  const flag = expression.caseInsensitive ? ' flag "i"' : '';
  const predicate = `@ like_regex ${jsonpathString(postgresRegex(expression.pattern))}${flag}`;
  const matches = pathExists(
    matchJsonpath(expression.path, options.expandAttribute, predicate, rule),
    undefined,
    options,
  );
  if (!expression.negated) return matches;
  // §4.9: a target value that is not a string matches neither ~= nor !~=.
  const hasString = matchJsonpath(
    expression.path,
    options.expandAttribute,
    '@.type() == "string"',
    rule,
  );
  return `(${pathExists(hasString, undefined, options)} and not ${matches})`;
}

function pathExists(
  jsonpath: string,
  vars: JsonpathVars | undefined,
  options: QToSqlOptions,
): string {
  const { params, attrsColumn } = options;
  const path = `${params.add(jsonpath)}::jsonpath`;
  if (!vars || vars.isEmpty) return `jsonb_path_exists(${attrsColumn}, ${path})`;
  return `jsonb_path_exists(${attrsColumn}, ${path}, ${params.add(JSON.stringify(vars.values))}::jsonb)`;
}
