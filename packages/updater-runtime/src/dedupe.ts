import { createHash } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { EntityBody } from '@legocity/broker-client';
import { canonicalJson } from '@legocity/ngsi-ld';
import type { Logger } from '@legocity/observability';
import { writeFileAtomic } from './atomic-write.js';

export const DEFAULT_SNAPSHOT_DELAY_MS = 1_000;

export interface DedupeOptions {
  dataDir: string;
  sourceId: string;
  /** How long after a change the snapshot file is written; default 1 s. */
  snapshotDelayMs?: number;
  log?: Logger;
}

/** What filter found. */
export interface DedupeResult {
  /** Entities (possibly fewer attributes) that would change something. */
  changed: EntityBody[];
  /** Entities dropped entirely: nothing but id and type was left. */
  unchanged: number;
}

export interface Dedupe {
  /** Drop what would change nothing (pure: remembers nothing). */
  filter(entities: EntityBody[]): DedupeResult;
  /** Remember entities as written; call once they are stored in the outbox. */
  remember(entities: EntityBody[]): void;
  /** Forget an entity (e.g. the broker refused it, so a replay must be tried again). */
  forget(entityId: string): void;
  /** Write the snapshot now if anything changed since the last one. */
  flush(): Promise<void>;
  close(): Promise<void>;
}

/** Last value written of one attribute: fingerprint and observedAt (ms, or null when absent). */
type Seen = [fingerprint: string, observedAt: number | null];

const NOT_ATTRIBUTES = new Set(['id', 'type', '@context', 'scope']);

/**
 * Idempotence for one source: per entity id, the fingerprint (a hash of the attribute's stable
 * JSON without observedAt) and observedAt of the last value written of each attribute.
 *
 * Rules, per attribute: dropped when its observedAt is older than or equal to the one remembered
 * (a replay, or a late message); dropped when the value is the same and it carries no newer
 * observedAt; kept otherwise — the same value with a newer observedAt is a new observation. An
 * entity left with nothing but id and type is dropped.
 *
 * When to remember: on enqueue, once the outbox has stored the entity (not on delivery). The
 * outbox keeps what it stored until the broker has it, so a replay during a broker outage need
 * not be queued twice; and because the snapshot is written after the outbox, a crash can only
 * make us forget (and queue an entity twice, which an update-mode upsert absorbs), never remember
 * something that is not stored. Entities the broker refuses are forgotten again.
 *
 * Persisted as `<dataDir>/<sourceId>/dedupe.json` (temporary file + rename, written at most once
 * per `snapshotDelayMs`, and on flush/close), loaded on open: replaying the same input after a
 * restart changes nothing.
 *
 * @example
 * const dedupe = await openDedupe({ dataDir, sourceId: 'weather' });
 * const { changed } = dedupe.filter(entities);
 * await outbox.enqueue(changed);
 * dedupe.remember(changed);
 */
export async function openDedupe(options: DedupeOptions): Promise<Dedupe> {
  const directory = join(options.dataDir, options.sourceId);
  await mkdir(directory, { recursive: true });
  const path = join(directory, 'dedupe.json');
  const seen = await load(path, options.log);
  const delayMs = options.snapshotDelayMs ?? DEFAULT_SNAPSHOT_DELAY_MS;
  let timer: NodeJS.Timeout | undefined;
  let isDirty = false;
  let saving: Promise<void> = Promise.resolve();

  function schedule() {
    isDirty = true;
    if (timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      void flush().catch((error: unknown) =>
        options.log?.error({ err: error, sourceId: options.sourceId }, 'Dedupe snapshot failed'),
      );
    }, delayMs);
    timer.unref();
  }

  function flush(): Promise<void> {
    if (timer) clearTimeout(timer);
    timer = undefined;
    saving = saving.then(async () => {
      if (!isDirty) return;
      isDirty = false;
      const snapshot: Record<string, Record<string, Seen>> = {};
      for (const [id, attributes] of seen) snapshot[id] = Object.fromEntries(attributes);
      await writeFileAtomic(path, JSON.stringify({ version: 1, entities: snapshot }));
    });
    return saving;
  }

  return {
    filter(entities) {
      const changed: EntityBody[] = [];
      let unchanged = 0;
      // Several messages for one entity in one call are compared with each other too.
      const inCall = new Map<string, Map<string, Seen>>();
      for (const entity of entities) {
        const known = seen.get(entity.id);
        let thisCall = inCall.get(entity.id);
        if (!thisCall) inCall.set(entity.id, (thisCall = new Map<string, Seen>()));
        const kept: EntityBody = { id: entity.id, type: entity.type };
        let attributeCount = 0;
        for (const [name, value] of Object.entries(entity)) {
          if (NOT_ATTRIBUTES.has(name)) {
            kept[name] = value;
            continue;
          }
          const previous = thisCall.get(name) ?? known?.get(name);
          const next = seenOf(value);
          if (previous && !isNewer(next, previous)) continue;
          thisCall.set(name, next);
          kept[name] = value;
          attributeCount += 1;
        }
        if (attributeCount > 0) changed.push(kept);
        else unchanged += 1;
      }
      return { changed, unchanged };
    },

    remember(entities) {
      for (const entity of entities) {
        let known = seen.get(entity.id);
        if (!known) {
          known = new Map();
          seen.set(entity.id, known);
        }
        for (const [name, value] of Object.entries(entity)) {
          if (!NOT_ATTRIBUTES.has(name)) known.set(name, seenOf(value));
        }
      }
      if (entities.length > 0) schedule();
    },

    forget(entityId) {
      if (seen.delete(entityId)) schedule();
    },

    flush,

    async close() {
      await flush();
    },
  };
}

/**
 * Whether a new value of an attribute is worth writing, given what was written last.
 * @example isNewer(['a', 2000], ['a', 1000]) // true: same value, newer observation
 */
export function isNewer(next: Seen, previous: Seen): boolean {
  const [fingerprint, observedAt] = next;
  const [previousFingerprint, previousObservedAt] = previous;
  if (observedAt !== null && previousObservedAt !== null) return observedAt > previousObservedAt;
  if (fingerprint !== previousFingerprint) return true;
  return observedAt !== null && previousObservedAt === null;
}

/** Fingerprint and observedAt of one attribute (a multi-attribute: of its newest instance). */
function seenOf(value: unknown): Seen {
  const instances = Array.isArray(value) ? value : [value];
  let observedAt: number | null = null;
  const stripped = instances.map((instance: unknown) => {
    if (typeof instance !== 'object' || instance === null || Array.isArray(instance)) {
      return instance;
    }
    const { observedAt: at, ...rest } = instance as Record<string, unknown>;
    const ms = typeof at === 'string' ? Date.parse(at) : Number.NaN;
    if (!Number.isNaN(ms)) observedAt = Math.max(observedAt ?? ms, ms);
    return rest;
  });
  const json = canonicalJson(Array.isArray(value) ? stripped : stripped[0]);
  const fingerprint = createHash('sha1').update(json).digest('base64url').slice(0, 16);
  return [fingerprint, observedAt];
}

async function load(
  path: string,
  log: Logger | undefined,
): Promise<Map<string, Map<string, Seen>>> {
  const seen = new Map<string, Map<string, Seen>>();
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return seen;
  }
  try {
    const parsed = JSON.parse(text) as { entities?: Record<string, Record<string, Seen>> };
    for (const [id, attributes] of Object.entries(parsed.entities ?? {})) {
      seen.set(id, new Map(Object.entries(attributes)));
    }
  } catch (error) {
    // Forgetting is safe (at worst a replay is written again); refusing to start is not.
    log?.warn({ err: error, path }, 'Dedupe snapshot unreadable; starting without it');
  }
  return seen;
}
