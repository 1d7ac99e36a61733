import { createHash, type Hash } from 'node:crypto';
import type { Queryable } from '../storage/database.js';
import type { Migration } from '../storage/migrate.js';
import { backupErrors, type DumpPlace } from './backup-messages.js';
import {
  tableLabel,
  type DumpEnd,
  type DumpHeader,
  type TableStart,
  type TableSummary,
} from './dump-format.js';
import { checkEndLine } from './check-end-line.js';
import { insertRows } from './insert-rows.js';
import type { DumpTable } from './list-dump-tables.js';
import { RestoreTargets } from './restore-targets.js';
import type { NumberedLine } from './ndjson-lines.js';
import { parseDumpLine } from './parse-dump-line.js';
import type { ProgressLog } from './progress-log.js';

export interface LoadOptions {
  tx: Queryable;
  header: DumpHeader;
  tenantMigrations: readonly Migration[];
  /** The migration this broker's global schema is at. */
  globalLevel: number;
  progress: ProgressLog;
}

/** A table read from the dump and stored: its summary, and how to read it back to verify it. */
export interface LoadedTable {
  summary: TableSummary;
  /** The target table restricted to the dump's columns, in the dump's order. */
  readBack: DumpTable;
}

interface OpenTable {
  label: string;
  target: DumpTable;
  columns: DumpTable['columns'];
  hash: Hash;
  rows: number;
  pending: string[];
  pendingChars: number;
  pendingFrom: number;
}

const CHUNK_ROWS = 1_000;
const CHUNK_CHARS = 4 * 1024 * 1024;

/**
 * Loads the lines after a dump's header into the restore's transaction, checking as it goes:
 * sections in order, every row's column count, every table's row count and SHA-256, and at the
 * end that the end line lists exactly the tables read (checkEndLine). Targets come from this
 * broker's catalog (RestoreTargets). Any problem throws a 400 naming the line and table.
 * @example const loader = new DumpLoader(options); for await (const line of lines) await loader.take(line);
 */
export class DumpLoader {
  private current: OpenTable | undefined;
  private readonly loaded = new Map<string, LoadedTable>();
  private readonly targets: RestoreTargets;
  private end: { end: DumpEnd; line: number } | undefined;
  private lastLine = 1;

  constructor(private readonly options: LoadOptions) {
    this.targets = new RestoreTargets(options.tx, options);
  }

  async take(line: NumberedLine): Promise<void> {
    this.lastLine = line.number;
    const place: DumpPlace = { line: line.number, table: this.current?.label };
    if (this.end) throw backupErrors.unexpected(place, 'a line after the end line', 'nothing');
    const parsed = parseDumpLine(line.text, this.current?.columns.length);
    if (!parsed.ok) throw backupErrors.badLine(place, parsed.problems);
    const value = parsed.value;
    if (value.kind === 'row') return this.row(line);
    if (value.kind === 'table') return this.open(value.table, place);
    if (value.kind === 'tableEnd') return this.close(value.summary, place);
    if (value.kind === 'header') {
      throw backupErrors.unexpected(place, 'a second header', 'a table, row, tableEnd or end line');
    }
    if (this.current) {
      throw backupErrors.unexpected(
        place,
        'the end line',
        `the tableEnd line of ${this.current.label}`,
      );
    }
    this.end = { end: value.end, line: line.number };
  }

  /** Check the end line against the tables read; throws when it is missing (a truncated dump). */
  finish(): { end: DumpEnd; endLine: number; tables: LoadedTable[] } {
    if (!this.end) throw backupErrors.truncated(this.lastLine);
    const read = new Map([...this.loaded].map(([label, loaded]) => [label, loaded.summary]));
    checkEndLine(this.end.end, this.end.line, read);
    return { end: this.end.end, endLine: this.end.line, tables: [...this.loaded.values()] };
  }

  private async open(table: TableStart, place: DumpPlace): Promise<void> {
    const label = tableLabel(table);
    if (this.current) {
      throw backupErrors.unexpected(
        place,
        `the table line of ${label}`,
        `the tableEnd line of ${this.current.label}`,
      );
    }
    if (this.loaded.has(label))
      throw backupErrors.inconsistent(place, `table ${label} appears twice`);
    const { table: target, columns } = await this.targets.resolve(table, place);
    this.current = {
      label,
      target,
      columns,
      hash: createHash('sha256'),
      rows: 0,
      pending: [],
      pendingChars: 0,
      pendingFrom: 0,
    };
  }

  private async row(line: NumberedLine): Promise<void> {
    const table = this.current!;
    table.hash.update(`${line.text}\n`);
    if (table.pending.length === 0) table.pendingFrom = line.number;
    table.pending.push(line.text);
    table.pendingChars += line.text.length;
    table.rows += 1;
    if (table.pending.length >= CHUNK_ROWS || table.pendingChars >= CHUNK_CHARS)
      await this.flush(table);
  }

  private async close(summary: TableSummary, place: DumpPlace): Promise<void> {
    const table = this.current;
    const label = tableLabel(summary);
    if (!table)
      throw backupErrors.unexpected(place, `the tableEnd line of ${label}`, 'a table line');
    if (label !== table.label) {
      throw backupErrors.unexpected(
        place,
        `the tableEnd line of ${label}`,
        `the tableEnd line of ${table.label}`,
      );
    }
    await this.flush(table);
    if (table.rows !== summary.rows)
      throw backupErrors.mismatch(place, 'the number of rows', table.rows, summary.rows);
    const sha256 = table.hash.digest('hex');
    if (sha256 !== summary.sha256)
      throw backupErrors.mismatch(place, "the rows' SHA-256", sha256, summary.sha256);
    this.loaded.set(label, { summary, readBack: { ...table.target, columns: table.columns } });
    this.options.progress.tableDone();
    this.current = undefined;
  }

  private async flush(table: OpenTable): Promise<void> {
    if (table.pending.length === 0) return;
    const last = table.pendingFrom + table.pending.length - 1;
    try {
      await insertRows(this.options.tx, table.target, table.columns, table.pending);
    } catch (error) {
      const cause = error as { code?: unknown; constraint?: string };
      if (typeof cause.code !== 'string' || cause.code.length !== 5) throw error;
      const place = { line: table.pendingFrom, table: table.label };
      throw backupErrors.insertFailed(place, `${table.pendingFrom}–${last}`, {
        code: cause.code,
        constraint: cause.constraint,
      });
    }
    this.options.progress.rowsDone(table.label, table.pending.length);
    table.pending = [];
    table.pendingChars = 0;
  }
}
