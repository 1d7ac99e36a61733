/** Where progress lines go: the broker's JSON logger (or a child of it). */
export interface ProgressLogger {
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
}

const EVERY_ROWS = 100_000;
const EVERY_MS = 5_000;

/**
 * Progress of a long backup or restore as JSON log lines: one every 100,000 rows or 5 seconds,
 * whichever comes first. Lines carry counts and table names only, never row contents (a dump
 * holds key hashes).
 * @example const progress = new ProgressLog(logger, 'Backup'); progress.rowsDone('legocity.api_key', 1000);
 */
export class ProgressLog {
  private readonly startedAt = Date.now();
  private rows = 0;
  private tables = 0;
  private lastRows = 0;
  private lastAt = this.startedAt;

  constructor(
    private readonly logger: ProgressLogger,
    private readonly operation: string,
  ) {}

  /** Count rows done in a table; logs when a threshold is passed. */
  rowsDone(table: string, count: number): void {
    this.rows += count;
    const now = Date.now();
    if (this.rows - this.lastRows < EVERY_ROWS && now - this.lastAt < EVERY_MS) return;
    this.lastRows = this.rows;
    this.lastAt = now;
    this.logger.info(
      {
        operation: this.operation,
        table,
        rows: this.rows,
        tables: this.tables,
        elapsedMs: now - this.startedAt,
      },
      `${this.operation} in progress`,
    );
  }

  tableDone(): void {
    this.tables += 1;
  }

  get elapsedMs(): number {
    return Date.now() - this.startedAt;
  }

  /** The closing line, with totals and any extra fields (sizes, outcome). */
  done(fields: Record<string, unknown> = {}): void {
    this.logger.info(
      {
        operation: this.operation,
        rows: this.rows,
        tables: this.tables,
        durationMs: this.elapsedMs,
        ...fields,
      },
      `${this.operation} done`,
    );
  }
}
