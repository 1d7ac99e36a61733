import type { QReader } from './q-reader.js';
import { TOO_COMPLEX } from './too-complex.js';

/** A node of an and/or tree whose leaves are of some other kind. */
export type Junction<T> = { kind: 'and' | 'or'; operands: T[] };

export interface GrammarRules {
  /** Characters that join operands with "or" (`|`, and also `,` in type selections). */
  orOperators: string;
  /** Deepest nesting of parentheses before the text is TooComplexQuery. */
  maxDepth: number;
}

/**
 * The and/or grammar shared by the query language (§4.9) and the entity type selection language
 * (§4.17): `;` is and and binds tighter than or; parentheses group and may nest. Subclasses read
 * the terms. Problems go to the reader, each with its position.
 */
export abstract class BooleanGrammar<T extends { kind: string }> {
  private isDepthReported = false;

  protected constructor(
    protected readonly reader: QReader,
    private readonly rules: GrammarRules,
  ) {}

  /** One term; undefined (after reporting) when it is malformed. */
  protected abstract parseTerm(): T | undefined;

  protected parseOr(depth: number): T | undefined {
    const operands = [this.parseAnd(depth)];
    while (this.reader.peek() !== '' && this.rules.orOperators.includes(this.reader.peek())) {
      this.reader.pos += 1;
      operands.push(this.parseAnd(depth));
    }
    return combine('or', operands);
  }

  private parseAnd(depth: number): T | undefined {
    const operands = [this.parsePrimary(depth)];
    while (this.reader.peek() === ';') {
      this.reader.pos += 1;
      operands.push(this.parsePrimary(depth));
    }
    return combine('and', operands);
  }

  private parsePrimary(depth: number): T | undefined {
    const { reader } = this;
    if (reader.peek() !== '(') return this.parseTerm();
    const open = reader.pos;
    reader.pos += 1;
    if (depth >= this.rules.maxDepth && !this.isDepthReported) {
      reader.report(`${TOO_COMPLEX}it nests parentheses more than ${this.rules.maxDepth} deep`);
      this.isDepthReported = true;
    }
    const inner = this.parseOr(depth + 1);
    if (reader.peek() !== ')') {
      reader.report(`'(' at ${reader.position(open)} is not closed by ')'`);
      return undefined;
    }
    reader.pos += 1;
    return inner;
  }
}

/** Join operands, flattening nested junctions of the same kind; undefined if any is. */
function combine<T extends { kind: string }>(
  kind: 'and' | 'or',
  operands: Array<T | undefined>,
): T | undefined {
  if (!operands.every((operand): operand is T => operand !== undefined)) return undefined;
  const flat = operands.flatMap((operand) =>
    operand.kind === kind ? (operand as unknown as Junction<T>).operands : [operand],
  );
  return flat.length === 1 ? flat[0] : ({ kind, operands: flat } as unknown as T);
}
