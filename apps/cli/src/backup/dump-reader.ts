import { createHash, type Hash } from 'node:crypto';
import type { BrokerSummary, TableSummary } from './manifest.js';

/** The header line of a broker dump (the fields a backup records). */
export interface DumpHeader {
  format: string;
  formatVersion: number;
  brokerVersion: string;
  driver: string;
  createdAt: string;
}

const NEWLINE = 0x0a;
const OPEN_BRACKET = 0x5b;
const MAX_CONTROL_LINE = 16 * 1024 * 1024;

/**
 * Follows a broker dump (NDJSON, decision 0010) as it streams past, without keeping rows: reads
 * the header, table and end lines, counts and hashes each table's row lines, and checks them
 * against its `tableEnd` line, so a dump is known whole and self-consistent once `finish()`
 * returns. Memory: one non-row line at most.
 * @example const reader = new DumpReader(); for await (const chunk of body) reader.push(chunk); reader.finish()
 */
export class DumpReader {
  header: DumpHeader | undefined;
  /** Rows and tables seen so far (progress). */
  rows = 0;
  tables = 0;
  currentTable: string | undefined;
  private summary: BrokerSummary | undefined;
  private line = 0;
  private isRow = false;
  private isLineStart = true;
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private tableRows = 0;
  private tableHash: Hash | undefined;

  /** Feed the next bytes; throws an Error naming the line on anything out of order. */
  push(chunk: Buffer): void {
    let start = 0;
    while (start < chunk.length) {
      if (this.isLineStart) {
        this.line += 1;
        this.isRow = chunk[start] === OPEN_BRACKET;
        this.isLineStart = false;
      }
      const end = chunk.indexOf(NEWLINE, start);
      const stop = end < 0 ? chunk.length : end + 1;
      const piece = chunk.subarray(start, stop);
      if (this.isRow) this.rowBytes(piece);
      else this.keep(piece);
      if (end >= 0) {
        if (this.isRow) this.rowDone();
        else this.controlLine(Buffer.concat(this.pending).toString('utf8').trimEnd());
        this.pending = [];
        this.pendingBytes = 0;
        this.isLineStart = true;
      }
      start = stop;
    }
  }

  /** The dump's `end` summary; throws when the dump stopped before it (truncated). */
  finish(): BrokerSummary {
    if (!this.isLineStart && this.pendingBytes > 0) this.fail('the last line has no newline');
    if (!this.summary)
      this.fail('the dump ends without its end line: the broker stopped before the dump was whole');
    return this.summary;
  }

  private rowBytes(piece: Buffer): void {
    if (!this.tableHash) this.fail('a row comes before any table line');
    this.tableHash.update(piece);
  }

  private rowDone(): void {
    this.tableRows += 1;
    this.rows += 1;
  }

  private keep(piece: Buffer): void {
    this.pendingBytes += piece.length;
    if (this.pendingBytes > MAX_CONTROL_LINE) this.fail('a header, table or end line is too long');
    this.pending.push(piece);
  }

  private controlLine(text: string): void {
    let json: Record<string, unknown>;
    try {
      json = JSON.parse(text) as Record<string, unknown>;
    } catch {
      return this.fail('is not valid JSON');
    }
    if (this.summary) return this.fail('comes after the end line');
    if (this.line === 1) return this.readHeader(json);
    if (typeof json.table === 'object' && json.table !== null) {
      const table = json.table as { schema?: unknown; name?: unknown };
      this.currentTable = `${String(table.schema)}.${String(table.name)}`;
      this.tableHash = createHash('sha256');
      this.tableRows = 0;
      return;
    }
    if (typeof json.tableEnd === 'object' && json.tableEnd !== null) {
      return this.tableEnd(json.tableEnd as TableSummary);
    }
    if (typeof json.end === 'object' && json.end !== null) {
      const end = json.end as BrokerSummary;
      if (!Array.isArray(end.tables) || typeof end.entities !== 'object')
        return this.fail('the end line has no tables and entities');
      if (end.tables.length !== this.tables)
        return this.fail(
          `the end line lists ${end.tables.length} tables; the dump has ${this.tables}`,
        );
      this.summary = end;
      return;
    }
    this.fail('is not a header, table, row, tableEnd or end line');
  }

  private readHeader(json: Record<string, unknown>): void {
    if (json.format !== 'legocity-broker-dump')
      return this.fail('the first line is not a legocity-broker-dump header');
    this.header = json as unknown as DumpHeader;
  }

  private tableEnd(stated: TableSummary): void {
    if (!this.tableHash) return this.fail('a tableEnd line comes before any table line');
    const sha256 = this.tableHash.digest('hex');
    if (stated.rows !== this.tableRows || stated.sha256 !== sha256)
      return this.fail(
        `table ${this.currentTable} has ${this.tableRows} rows (SHA-256 ${sha256.slice(0, 12)}…) but its tableEnd line states ${stated.rows} (${String(stated.sha256).slice(0, 12)}…)`,
      );
    this.tables += 1;
    this.tableHash = undefined;
  }

  private fail(message: string): never {
    const table = this.currentTable ? ` (table ${this.currentTable})` : '';
    throw new Error(`broker dump line ${this.line}${table}: ${message}`);
  }
}
