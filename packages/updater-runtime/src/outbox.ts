import {
  mkdir,
  open,
  readdir,
  readFile,
  truncate,
  unlink,
  type FileHandle,
} from 'node:fs/promises';
import { join } from 'node:path';
import type { EntityBody } from '@legocity/broker-client';
import type { Logger } from '@legocity/observability';
import { writeFileAtomic } from './atomic-write.js';
import { RetryableError } from './errors.js';

export const DEFAULT_MAX_PENDING = 1_000_000;
export const DEFAULT_FSYNC_INTERVAL_MS = 200;
export const DEFAULT_SEGMENT_BYTES = 8 * 1024 * 1024;

export interface OutboxOptions {
  dataDir: string;
  sourceId: string;
  /** Entities waiting beyond which enqueue refuses (RetryableError 'outbox-full'); default 1,000,000. */
  maxPending?: number;
  /** How often written records are fsynced; default 200 ms. */
  fsyncIntervalMs?: number;
  /** A segment file is closed and a new one begun past this size; default 8 MiB. */
  segmentBytes?: number;
  /** Bound to the source (`logger.child({ sourceId })`). */
  log?: Logger;
  /** Wall clock in ms. */
  now?: () => number;
}

/** Where consumption stands: every entity before `index` of record `seq` (and earlier records). */
export interface OutboxPosition {
  seq: number;
  index: number;
}

/** Entities handed out by peek, and the position to ack once they are delivered. */
export interface OutboxBatch {
  entities: EntityBody[];
  upTo: OutboxPosition;
}

/** What opening found in files a crash left behind. */
export interface OutboxRecovery {
  /** A last line cut short by a crash: ignored (and cut off the file). */
  tornLines: number;
  /** Lines that could not be read anywhere else: skipped. */
  corruptLines: number;
}

export interface Outbox {
  readonly directory: string;
  readonly recovery: OutboxRecovery;
  /** Store entities as one record; resolves once written to the file (see openOutbox). */
  enqueue(entities: EntityBody[]): Promise<void>;
  /** Up to `maxEntities` of the oldest entities not yet acked, in order; none when empty. */
  peek(maxEntities: number): Promise<OutboxBatch>;
  /** Mark everything before `upTo` delivered; fully delivered segment files are deleted. */
  ack(upTo: OutboxPosition): Promise<void>;
  /** Entities stored and not yet acked. */
  pending(): number;
  /** Age of the oldest entity not yet acked (ms); 0 when empty. */
  oldestAgeMs(): number;
  /** Resolves when something is pending (at once if already so) or the signal aborts. */
  whenPending(signal?: AbortSignal): Promise<void>;
  /** fsync what was written. */
  flush(): Promise<void>;
  /** flush, then close the file. */
  close(): Promise<void>;
}

interface OutboxRecord {
  seq: number;
  /** Enqueued at (ms). */
  at: number;
  entities: EntityBody[];
}

interface Segment {
  id: number;
  path: string;
  bytes: number;
  /** Highest record seq in the segment; -1 when empty. */
  lastSeq: number;
}

const SEGMENT_FILE = /^(\d{12})\.jsonl$/;
const CURSOR_FILE = 'cursor.json';

/**
 * A durable, file-based queue of entities for one source, under `<dataDir>/<sourceId>/outbox/`:
 * numbered JSONL segment files (one record per line) and `cursor.json`, the acked position.
 *
 * Durability trade-off: `enqueue` resolves once the line is handed to the OS with write(2). From
 * then on it survives the death of the process (SIGKILL, crash, OOM), since the OS page cache
 * still writes it out. It is fsynced within `fsyncIntervalMs` (default 200 ms) and when a segment
 * is closed, so a power cut or kernel crash can lose at most that window. Syncing every record
 * would cap throughput at the disk's sync rate (a few hundred per second on many disks).
 *
 * Delivery is at least once: the cursor is saved after a batch is delivered, so a crash between
 * delivery and ack sends that batch again (upserts in update mode are idempotent).
 *
 * Recovery: a last line cut short by a crash is ignored, reported and cut off the file; an
 * unreadable line elsewhere is skipped and reported. Opening never fails on content.
 *
 * Memory: only the records of the oldest segment with pending entities are held in memory.
 *
 * @example
 * const outbox = await openOutbox({ dataDir: '.legocity/updaters', sourceId: 'weather' });
 * await outbox.enqueue(entities);
 * const { entities: batch, upTo } = await outbox.peek(500);
 * await client.upsertEntities(batch, { mode: 'update' });
 * await outbox.ack(upTo);
 */
export async function openOutbox(options: OutboxOptions): Promise<Outbox> {
  const directory = join(options.dataDir, options.sourceId, 'outbox');
  await mkdir(directory, { recursive: true });
  const maxPending = options.maxPending ?? DEFAULT_MAX_PENDING;
  const segmentBytes = options.segmentBytes ?? DEFAULT_SEGMENT_BYTES;
  const now = options.now ?? Date.now;
  const log = options.log;

  const recovery: OutboxRecovery = { tornLines: 0, corruptLines: 0 };
  let cursor = await readCursor(directory);
  const segments: Segment[] = [];
  let pending = 0;
  let nextSeq = cursor.seq;

  // Recovery: read every segment once, to count what is pending and find the next seq.
  const names = (await readdir(directory)).filter((name) => SEGMENT_FILE.test(name)).sort();
  for (const [position, name] of names.entries()) {
    const path = join(directory, name);
    const isLast = position === names.length - 1;
    const { records, bytes } = await readSegment(path, { truncateTorn: isLast });
    const lastSeq = records.at(-1)?.seq ?? -1;
    if (lastSeq < cursor.seq && !isLast) {
      await unlink(path);
      continue;
    }
    for (const record of records) {
      if (record.seq >= cursor.seq) pending += record.entities.length;
      if (record.seq === cursor.seq) pending -= Math.min(cursor.index, record.entities.length);
      nextSeq = Math.max(nextSeq, record.seq + 1);
    }
    segments.push({ id: Number(SEGMENT_FILE.exec(name)?.[1]), path, bytes, lastSeq });
  }
  if (recovery.tornLines + recovery.corruptLines > 0) {
    log?.warn(
      { ...recovery },
      `Outbox of ${options.sourceId}: ignored ${recovery.tornLines} torn and ${recovery.corruptLines} corrupt line(s) left by a crash`,
    );
  }

  if (segments.length === 0) segments.push(newSegment(directory, 1));
  let tail = segments.at(-1) as Segment;
  let handle: FileHandle = await open(tail.path, 'a');
  /** Records of segments[0] not yet fully acked, loaded lazily. */
  let head: OutboxRecord[] | undefined;
  let isDirty = false;
  let isClosed = false;
  let writing: Promise<unknown> = Promise.resolve();
  const waiters = new Set<() => void>();

  const syncTimer = setInterval(() => {
    void serialize(syncNow).catch((error: unknown) =>
      log?.error({ err: error }, 'Outbox fsync failed'),
    );
  }, options.fsyncIntervalMs ?? DEFAULT_FSYNC_INTERVAL_MS);
  syncTimer.unref();

  /** Run file operations one after another, in call order. */
  function serialize<T>(operation: () => Promise<T>): Promise<T> {
    const result = writing.then(operation);
    writing = result.catch(() => undefined);
    return result;
  }

  async function syncNow(): Promise<void> {
    if (!isDirty || isClosed) return;
    isDirty = false;
    await handle.datasync();
  }

  async function readSegment(
    path: string,
    how: { truncateTorn: boolean },
  ): Promise<{ records: OutboxRecord[]; bytes: number }> {
    const text = await readFile(path, 'utf8');
    const lines = text.split('\n');
    const torn = lines.pop() ?? '';
    const records: OutboxRecord[] = [];
    for (const line of lines) {
      if (line === '') continue;
      const record = parseRecord(line);
      if (record) records.push(record);
      else recovery.corruptLines += 1;
    }
    let bytes = Buffer.byteLength(text);
    if (torn !== '') {
      recovery.tornLines += 1;
      bytes -= Buffer.byteLength(torn);
      // The next append would otherwise glue a good record onto the torn bytes.
      if (how.truncateTorn) await truncate(path, bytes);
    }
    return { records, bytes };
  }

  async function loadHead(): Promise<OutboxRecord[]> {
    if (head) return head;
    const first = segments[0] as Segment;
    const text = await readFile(first.path, 'utf8');
    head = text
      .split('\n')
      .map((line) => (line === '' ? undefined : parseRecord(line)))
      .filter((record): record is OutboxRecord => record !== undefined && record.seq >= cursor.seq);
    return head;
  }

  /** Drop segments that are fully acked and closed; the tail stays open for appends. */
  async function dropAckedSegments(): Promise<void> {
    while (segments.length > 1 && (segments[0] as Segment).lastSeq < cursor.seq) {
      const done = segments.shift() as Segment;
      head = undefined;
      await unlink(done.path).catch(() => undefined);
    }
  }

  async function rotate(): Promise<void> {
    await handle.datasync();
    await handle.close();
    isDirty = false;
    tail = newSegment(directory, tail.id + 1);
    segments.push(tail);
    handle = await open(tail.path, 'a');
  }

  const outbox: Outbox = {
    directory,
    recovery,

    enqueue(entities) {
      if (entities.length === 0) return Promise.resolve();
      if (isClosed) return Promise.reject(new RetryableError('outbox-closed', 'Outbox is closed'));
      if (pending + entities.length > maxPending) {
        return Promise.reject(
          new RetryableError(
            'outbox-full',
            `Outbox of ${options.sourceId} is full: ${pending} entities wait for the broker (limit ${maxPending})`,
          ),
        );
      }
      // Counted before the write so concurrent calls cannot overshoot the cap together.
      pending += entities.length;
      return serialize(async () => {
        try {
          const record: OutboxRecord = { seq: nextSeq, at: now(), entities };
          const line = `${JSON.stringify({ s: record.seq, t: record.at, e: entities })}\n`;
          if (tail.bytes > 0 && tail.bytes + line.length > segmentBytes) await rotate();
          await handle.write(line);
          nextSeq += 1;
          tail.bytes += Buffer.byteLength(line);
          tail.lastSeq = record.seq;
          isDirty = true;
          if (head && segments.length === 1) head.push(record);
        } catch (error) {
          pending -= entities.length;
          throw error;
        }
        for (const wake of waiters) wake();
      });
    },

    peek(maxEntities) {
      return serialize(async () => {
        const batch: EntityBody[] = [];
        let upTo = cursor;
        await dropAckedSegments();
        if (pending === 0) return { entities: batch, upTo };
        for (;;) {
          const records = await loadHead();
          for (const record of records) {
            const from = record.seq === upTo.seq ? upTo.index : 0;
            if (record.seq < upTo.seq) continue;
            const take = record.entities.slice(from, from + (maxEntities - batch.length));
            batch.push(...take);
            const end = from + take.length;
            upTo =
              end >= record.entities.length
                ? { seq: record.seq + 1, index: 0 }
                : { seq: record.seq, index: end };
            if (batch.length >= maxEntities) return { entities: batch, upTo };
          }
          // The head segment is handed out in full; go on only if it is closed and more follow.
          if (batch.length > 0 || segments.length === 1) return { entities: batch, upTo };
          const done = segments.shift() as Segment;
          head = undefined;
          await unlink(done.path).catch(() => undefined);
        }
      });
    },

    ack(upTo) {
      return serialize(async () => {
        if (compare(upTo, cursor) <= 0) return;
        const records = await loadHead();
        let acked = 0;
        while (records.length > 0) {
          const first = records[0] as OutboxRecord;
          const from = first.seq === cursor.seq ? cursor.index : 0;
          if (first.seq < upTo.seq) {
            acked += first.entities.length - from;
            records.shift();
            continue;
          }
          if (first.seq === upTo.seq) acked += Math.max(0, upTo.index - from);
          break;
        }
        pending = Math.max(0, pending - acked);
        cursor = upTo;
        await writeFileAtomic(join(directory, CURSOR_FILE), JSON.stringify(cursor));
        await dropAckedSegments();
      });
    },

    pending: () => pending,

    oldestAgeMs() {
      const first = head?.[0];
      if (pending === 0 || first === undefined) return 0;
      return Math.max(0, now() - first.at);
    },

    whenPending(signal) {
      if (pending > 0 || signal?.aborted) return Promise.resolve();
      return new Promise((resolve) => {
        const wake = () => {
          waiters.delete(wake);
          signal?.removeEventListener('abort', wake);
          resolve();
        };
        waiters.add(wake);
        signal?.addEventListener('abort', wake, { once: true });
      });
    },

    flush: () => serialize(syncNow),

    async close() {
      if (isClosed) return;
      clearInterval(syncTimer);
      await serialize(async () => {
        isDirty = true;
        await syncNow();
        isClosed = true;
        await handle.close();
      });
      for (const wake of waiters) wake();
    },
  };

  // Load the head at once so oldestAgeMs is right from the start.
  if (pending > 0) await loadHead();
  return outbox;
}

function newSegment(directory: string, id: number): Segment {
  return {
    id,
    path: join(directory, `${String(id).padStart(12, '0')}.jsonl`),
    bytes: 0,
    lastSeq: -1,
  };
}

function parseRecord(line: string): OutboxRecord | undefined {
  try {
    const raw = JSON.parse(line) as { s?: unknown; t?: unknown; e?: unknown };
    if (typeof raw.s !== 'number' || typeof raw.t !== 'number' || !Array.isArray(raw.e)) {
      return undefined;
    }
    return { seq: raw.s, at: raw.t, entities: raw.e as EntityBody[] };
  } catch {
    return undefined;
  }
}

async function readCursor(directory: string): Promise<OutboxPosition> {
  try {
    const raw = JSON.parse(await readFile(join(directory, CURSOR_FILE), 'utf8')) as Partial<
      Record<keyof OutboxPosition, unknown>
    >;
    if (typeof raw.seq === 'number' && typeof raw.index === 'number') {
      return { seq: raw.seq, index: raw.index };
    }
  } catch {
    // No cursor yet (first start) or unreadable: start from the first record kept.
  }
  return { seq: 0, index: 0 };
}

function compare(a: OutboxPosition, b: OutboxPosition): number {
  return a.seq === b.seq ? a.index - b.index : a.seq - b.seq;
}
