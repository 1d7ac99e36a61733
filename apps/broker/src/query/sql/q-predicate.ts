import type {
  JsonValue,
  QComparableScalar,
  QComparisonOperator,
  QScalar,
  QValue,
} from '@legocity/ngsi-ld';
import type { JsonpathVars } from './jsonpath-vars.js';

type Ordering = '>' | '>=' | '<' | '<=';

/**
 * The jsonpath predicate on one target value (`@`) for a comparison (ETSI GS CIM 009 v1.8.1
 * §4.9). `!=` gets the predicate of `==`: the caller negates it over all values. jsonpath
 * compares numbers with numbers and strings with strings by code point, and a value of another
 * type never matches, as §4.9 asks ("25" never equals 25). Lists are one array variable: in lax
 * mode `@ == $list` holds when any element equals.
 * @example comparisonPredicate('>=', { kind: 'number', value: 20 }, vars) // '@ >= $v0'
 */
export function comparisonPredicate(
  operator: QComparisonOperator,
  value: QValue,
  vars: JsonpathVars,
): string {
  if (operator === '==' || operator === '!=') return equalityPredicate(value, vars);
  // parseQ only lets single ordered values reach the ordering operators.
  return orderingPredicate(operator, value as QComparableScalar, vars);
}

function equalityPredicate(value: QValue, vars: JsonpathVars): string {
  switch (value.kind) {
    case 'range':
      return `(${orderingPredicate('>=', value.min, vars)} && ${orderingPredicate('<=', value.max, vars)})`;
    case 'list':
      return `@ == ${vars.add(value.values.flatMap(spellings))}`;
    default: {
      const forms = spellings(value);
      return `@ == ${vars.add(forms.length === 1 ? (forms[0] ?? null) : forms)}`;
    }
  }
}

/**
 * DateTimes compare as text in their normalized form `YYYY-MM-DDThh:mm:ss.sssZ`, which is how
 * we store observedAt, createdAt and modifiedAt. Values written by clients may instead use the
 * spec's whole-second form `YYYY-MM-DDThh:mm:ssZ`, which sorts after every fraction of its own
 * second ('Z' > '.'), so that one spelling is treated as the instant it stands for. Other
 * spellings (offsets, fractions of other lengths) compare as text.
 */
function orderingPredicate(
  operator: Ordering,
  scalar: QComparableScalar,
  vars: JsonpathVars,
): string {
  if (scalar.kind !== 'dateTime') return `@ ${operator} ${vars.add(scalar.value)}`;
  const literal = vars.add(scalar.value);
  const exact = isWholeSecond(scalar.value);
  const whole = () => vars.add(wholeSecondForm(scalar.value));
  switch (operator) {
    case '>':
      return `(@ > ${literal} && @ != ${whole()})`;
    case '>=':
      return exact ? `@ >= ${literal}` : `(@ >= ${literal} && @ != ${whole()})`;
    case '<':
      return exact ? `@ < ${literal}` : `(@ < ${literal} || @ == ${whole()})`;
    case '<=':
      return `(@ <= ${literal} || @ == ${whole()})`;
  }
}

/** The stored spellings equal to a query value. */
function spellings(scalar: QScalar): JsonValue[] {
  if (scalar.kind === 'dateTime' && isWholeSecond(scalar.value)) {
    return [scalar.value, wholeSecondForm(scalar.value)];
  }
  return [scalar.value];
}

function isWholeSecond(dateTime: string): boolean {
  return dateTime.endsWith('.000Z');
}

function wholeSecondForm(dateTime: string): string {
  return `${dateTime.slice(0, 19)}Z`;
}
