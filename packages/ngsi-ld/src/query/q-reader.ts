import type { Problem } from '../errors/ngsi-ld-error.js';

// A query term ends at ';' (and), '|' (or), ')' (end of a group) or the end of the text.
const TERM_END = new Set([';', '|', ')']);

/**
 * A cursor over the text of a query, collecting problems as the parser meets them. Positions in
 * messages count from 1, as people count characters.
 */
export class QReader {
  pos = 0;
  readonly problems: Problem[] = [];

  constructor(
    readonly text: string,
    readonly field: string,
  ) {}

  get atEnd(): boolean {
    return this.pos >= this.text.length;
  }

  /** The character `offset` places ahead, or '' past the end. */
  peek(offset = 0): string {
    return this.text.charAt(this.pos + offset);
  }

  lookingAt(literal: string): boolean {
    return this.text.startsWith(literal, this.pos);
  }

  atTermEnd(): boolean {
    return this.atEnd || TERM_END.has(this.peek());
  }

  report(message: string): void {
    this.problems.push({ field: this.field, message });
  }

  /** "position 12" for a 0-based index (the cursor by default). */
  position(index = this.pos): string {
    return `position ${index + 1}`;
  }

  /** What is at the cursor, for "found …" in messages. */
  found(): string {
    if (this.atEnd) return 'the end of the query';
    const char = this.peek();
    return /\s/.test(char) ? 'a space (none is allowed here)' : `'${char}'`;
  }

  /** After a problem: skip the rest of the term (quoted strings included) to resume at the next. */
  skipToTermEnd(): void {
    while (!this.atTermEnd()) {
      if (this.peek() === '"') this.skipString();
      else this.pos += 1;
    }
  }

  private skipString(): void {
    this.pos += 1;
    while (!this.atEnd && this.peek() !== '"') this.pos += this.peek() === '\\' ? 2 : 1;
    this.pos = Math.min(this.pos + 1, this.text.length);
  }
}
