import type { Database } from '../storage/database.js';
import { auditStore } from './audit-log.js';
import type { Denial } from './deny-reason.js';

export interface DenialRecorderOptions {
  /** One row per key and reason per window, plus one with the count of the rest; default 10 s. */
  windowMs?: number;
  onError: (error: unknown) => void;
}

interface Window {
  first: Denial;
  more: number;
  last: Denial;
  timer: NodeJS.Timeout;
}

/**
 * Writes denied requests to the audit log without letting a flood fill it: the first denial of a
 * key and reason is written at once; the ones that follow within the window are counted and
 * written as one row when it ends. Writes run off the request path.
 * @example const recorder = new DenialRecorder(db, { onError }); recorder.record(denial)
 */
export class DenialRecorder {
  private readonly windows = new Map<string, Window>();
  private readonly pending = new Set<Promise<void>>();
  private readonly windowMs: number;

  constructor(
    private readonly db: Database,
    private readonly options: DenialRecorderOptions,
  ) {
    this.windowMs = options.windowMs ?? 10_000;
  }

  record(denial: Denial): void {
    const key = `${denial.keyId ?? '-'}|${denial.reason}`;
    const open = this.windows.get(key);
    if (open) {
      open.more += 1;
      open.last = denial;
      return;
    }
    const timer = setTimeout(() => this.close(key), this.windowMs);
    timer.unref();
    this.windows.set(key, { first: denial, more: 0, last: denial, timer });
    this.write(denial, 1);
  }

  /** Write the counts of open windows and wait for every write. */
  async flush(): Promise<void> {
    for (const key of [...this.windows.keys()]) this.close(key);
    await Promise.all([...this.pending]);
  }

  private close(key: string): void {
    const window = this.windows.get(key);
    if (!window) return;
    clearTimeout(window.timer);
    this.windows.delete(key);
    if (window.more > 0) this.write(window.last, window.more);
  }

  private write(denial: Denial, count: number): void {
    const write = auditStore
      .insert(this.db, {
        actorKeyId: denial.keyId,
        actorName: denial.keyName,
        action: 'request.denied',
        target: `${denial.method} ${denial.path}`,
        outcome: 'denied',
        detail: {
          reason: denial.reason,
          status: denial.status,
          count,
          ...(denial.tenant !== undefined && { tenant: denial.tenant }),
          ...(denial.detail !== undefined && { message: denial.detail }),
        },
      })
      .catch(this.options.onError)
      .finally(() => this.pending.delete(write));
    this.pending.add(write);
  }
}
