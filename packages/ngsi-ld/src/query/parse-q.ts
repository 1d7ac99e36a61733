import { fail, ok, type Parsed } from '../errors/result.js';
import { QReader } from './q-reader.js';
import type { QComparisonOperator, QExpression, QValue } from './q-types.js';
import { readAttributePath } from './read-attribute-path.js';
import { readPattern } from './read-q-pattern.js';
import { readValue } from './read-q-value.js';
import { TOO_COMPLEX } from './too-complex.js';
import { BooleanGrammar } from './boolean-grammar.js';

/** Bounds on the work one query may ask for; past them the answer is TooComplexQuery (403). */
export const Q_LIMITS = { maxLength: 4096, maxTerms: 100, maxDepth: 16 } as const;

// Longest first, so '>=' is not read as '>' followed by '='.
const OPERATORS = ['==', '!=', '>=', '<=', '!~=', '~=', '>', '<'] as const;
type Operator = (typeof OPERATORS)[number];
const ORDERED_KINDS = new Set(['number', 'string', 'dateTime', 'date', 'time']);

/**
 * Parse an NGSI-LD query (`q`, ETSI GS CIM 009 v1.8.1 §4.9). Terms are joined by `;` (and) and
 * `|` (or); and binds tighter than or; parentheses group and may nest. A term is an attribute
 * path alone (the attribute exists), a path, an operator and a value, or a path, `~=`/`!~=` and a
 * regular expression. Extension: `!attr` matches entities without the attribute (as several
 * brokers accept). The text must already be URL-decoded. Reports every problem it can find,
 * each with the position (counted from 1) where it lies.
 * @example
 * parseQ('(temperature>=20;temperature<=25)|capacity<=10')
 * // { ok: true, value: { kind: 'or', operands: [{ kind: 'and', … }, { kind: 'comparison', … }] } }
 */
export function parseQ(text: string, field = 'q'): Parsed<QExpression> {
  if (text.length > Q_LIMITS.maxLength) {
    return fail({
      field,
      message: `${TOO_COMPLEX}it is longer than ${Q_LIMITS.maxLength} characters`,
    });
  }
  if (text === '') return fail({ field, message: 'must not be empty' });
  const reader = new QReader(text, field);
  const expression = new QParser(reader).parse();
  return expression && reader.problems.length === 0 ? ok(expression) : fail(reader.problems);
}

class QParser extends BooleanGrammar<QExpression> {
  private terms = 0;

  constructor(reader: QReader) {
    super(reader, { orOperators: '|', maxDepth: Q_LIMITS.maxDepth });
  }

  parse(): QExpression | undefined {
    let expression = this.parseOr(0);
    // parseOr stops early only at a ')' that closes nothing; report it and read on for more problems.
    while (!this.reader.atEnd) {
      this.reader.report(`')' at ${this.reader.position()} closes no '('`);
      this.reader.pos += 1;
      if (this.reader.peek() === ';' || this.reader.peek() === '|') this.reader.pos += 1;
      if (!this.reader.atEnd) this.parseOr(0);
      expression = undefined;
    }
    return expression;
  }

  protected parseTerm(): QExpression | undefined {
    const { reader } = this;
    this.terms += 1;
    if (this.terms === Q_LIMITS.maxTerms + 1) {
      reader.report(`${TOO_COMPLEX}it has more than ${Q_LIMITS.maxTerms} terms`);
    }
    const start = reader.pos;
    const negated = reader.peek() === '!';
    if (negated) reader.pos += 1;
    const path = readAttributePath(reader);
    if (!path) return this.skipTerm();
    if (reader.atTermEnd()) return { kind: 'exists', path, negated };
    if (negated) {
      reader.report(
        `'!' at ${reader.position(start)} tests that an attribute does not exist and takes no operator or value`,
      );
      return this.skipTerm();
    }
    const operator = OPERATORS.find((candidate) => reader.lookingAt(candidate));
    if (!operator) {
      const hint = reader.peek() === '=' ? " (write '==' to test equality)" : '';
      reader.report(
        `expected a comparison operator after '${path.text}' at ${reader.position()}, found ${reader.found()}${hint}`,
      );
      return this.skipTerm();
    }
    reader.pos += operator.length;
    if (operator === '~=' || operator === '!~=') {
      const regex = readPattern(reader);
      return regex
        ? { kind: 'pattern', path, negated: operator === '!~=', ...regex }
        : this.skipTerm();
    }
    const valueStart = reader.pos;
    const value = readValue(reader);
    if (!value || !this.fits(operator, value, valueStart)) return undefined;
    return { kind: 'comparison', path, operator, value };
  }

  /** §4.9: ranges, lists, booleans and URIs only go with == and !=; the others need an order. */
  private fits(
    operator: Exclude<Operator, '~=' | '!~='>,
    value: QValue,
    at: number,
  ): operator is QComparisonOperator {
    if (operator === '==' || operator === '!=' || ORDERED_KINDS.has(value.kind)) return true;
    const where = `'${operator}' at ${this.reader.position(at - operator.length)}`;
    this.reader.report(
      value.kind === 'range' || value.kind === 'list'
        ? `${where} takes one value; ranges and lists go with '==' or '!='`
        : `${where} needs a number, string, date, time or dateTime, not a ${value.kind}`,
    );
    return false;
  }

  private skipTerm(): undefined {
    this.reader.skipToTermEnd();
    return undefined;
  }
}

/** Join operands; nested groups of the same kind are flattened, since and/or are associative. */
