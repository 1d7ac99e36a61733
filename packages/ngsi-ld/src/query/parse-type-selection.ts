import { fail, ok, type Parsed } from '../errors/result.js';
import { isValidAttributeName } from './attribute-name.js';
import { QReader } from './q-reader.js';
import { TOO_COMPLEX } from './too-complex.js';
import { BooleanGrammar } from './boolean-grammar.js';

/** An entity type selection: a type name, or an and/or of selections. Names are not expanded. */
export type TypeSelection =
  { kind: 'type'; name: string } | { kind: 'and' | 'or'; operands: TypeSelection[] };

export const TYPE_SELECTION_LIMITS = { maxLength: 4096, maxTypes: 100, maxDepth: 16 } as const;

// A name ends at an operator, a parenthesis or whitespace.
const NAME_STOP = /[,|;()\s]/;

/**
 * Parse an entity type selection (ETSI GS CIM 009 v1.8.1 §4.17): `|` or `,` is or, `;` is and,
 * parentheses group. The spec's grammar is an or of names and parenthesised ands; we accept the
 * natural superset with q's rules (and binds tighter than or, groups nest), so `A;B` is an and.
 * Names follow §4.6.2 or are IRIs (without `, ; | ( )`, which would be ambiguous here).
 * @example parseTypeSelection('(Home;Vehicle)|Motorhome')
 * // { ok: true, value: { kind: 'or', operands: [{ kind: 'and', … }, { kind: 'type', name: 'Motorhome' }] } }
 */
export function parseTypeSelection(text: string, field = 'type'): Parsed<TypeSelection> {
  if (text.length > TYPE_SELECTION_LIMITS.maxLength) {
    return fail({
      field,
      message: `${TOO_COMPLEX}it is longer than ${TYPE_SELECTION_LIMITS.maxLength} characters`,
    });
  }
  if (text === '') return fail({ field, message: 'must name at least one entity type' });
  const reader = new QReader(text, field);
  const selection = new TypeSelectionParser(reader).parse();
  return selection && reader.problems.length === 0 ? ok(selection) : fail(reader.problems);
}

/**
 * Every type name a selection mentions, once each, in order of appearance.
 * @example typeNames(parsed.value) // ['Home', 'Vehicle', 'Motorhome']
 */
export function typeNames(selection: TypeSelection): string[] {
  if (selection.kind === 'type') return [selection.name];
  return [...new Set(selection.operands.flatMap(typeNames))];
}

class TypeSelectionParser extends BooleanGrammar<TypeSelection> {
  private types = 0;

  constructor(reader: QReader) {
    super(reader, { orOperators: '|,', maxDepth: TYPE_SELECTION_LIMITS.maxDepth });
  }

  parse(): TypeSelection | undefined {
    const selection = this.parseOr(0);
    if (this.reader.atEnd) return selection;
    this.reader.report(
      `expected ',', '|' or ';' at ${this.reader.position()}, found ${this.reader.found()}`,
    );
    return undefined;
  }

  protected parseTerm(): TypeSelection | undefined {
    return this.parseName();
  }

  private parseName(): TypeSelection | undefined {
    const { reader } = this;
    this.types += 1;
    if (this.types === TYPE_SELECTION_LIMITS.maxTypes + 1) {
      reader.report(
        `${TOO_COMPLEX}it names more than ${TYPE_SELECTION_LIMITS.maxTypes} entity types`,
      );
    }
    // Report a space once, then read the name after it, so later problems are real ones.
    const spaced = /\s/.test(reader.peek());
    if (spaced) {
      reader.report(
        `expected an entity type name at ${reader.position()}, found ${reader.found()}`,
      );
      while (/\s/.test(reader.peek())) reader.pos += 1;
    }
    const start = reader.pos;
    while (!reader.atEnd && !NAME_STOP.test(reader.peek())) reader.pos += 1;
    const name = reader.text.slice(start, reader.pos);
    if (name === '') {
      if (!spaced)
        reader.report(
          `expected an entity type name at ${reader.position()}, found ${reader.found()}`,
        );
      return undefined;
    }
    if (!isValidAttributeName(name)) {
      reader.report(
        `'${name}' at ${reader.position(start)} is not a valid entity type name (a letter followed by letters, digits or '_', a compact IRI or an absolute IRI)`,
      );
      return undefined;
    }
    return spaced ? undefined : { kind: 'type', name };
  }
}
