import type { EntityBody } from '@legocity/broker-client';
import { createLogger } from '@legocity/observability';
import type { StreamContext, WriteOutcome } from '@legocity/updater-runtime';
import { captureLines } from '../../../../../packages/observability/src/logger/capture-lines.test-support.js';

/** A StreamContext that records writes and reported errors; `hold()` makes writes wait. */
export interface FakeStreamContext extends StreamContext {
  writes: EntityBody[][];
  errors: Error[];
  logLines(): Record<string, unknown>[];
  /** Writes from now on wait until `release()`. */
  hold(): void;
  release(): void;
  abort(): void;
}

/** A fake runtime for the MQTT source's tests (the real one is used by the integration tests). */
export function fakeStreamContext(sourceId = 'mqtt'): FakeStreamContext {
  const controller = new AbortController();
  const captured = captureLines();
  const log = createLogger({
    component: 'updaters',
    version: 'test',
    commit: 'test',
    level: 'debug',
    destination: captured.destination,
  });
  let gate: Promise<void> | undefined;
  let open: () => void = () => undefined;
  const writes: EntityBody[][] = [];
  const errors: Error[] = [];
  return {
    sourceId,
    signal: controller.signal,
    log,
    now: () => new Date(),
    writes,
    errors,
    async write(entities): Promise<WriteOutcome> {
      if (gate) await gate;
      writes.push(entities);
      return { queued: entities.length, unchanged: 0, rejected: 0 };
    },
    reportError: (error) => void errors.push(error),
    logLines: () => captured.lines,
    hold() {
      gate = new Promise<void>((resolve) => (open = resolve));
    },
    release() {
      gate = undefined;
      open();
    },
    abort: () => controller.abort(),
  };
}
