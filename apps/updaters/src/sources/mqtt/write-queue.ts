/** One input waiting to be written; `acknowledge` is called once it is durably queued. */
export interface QueuedInput<T> {
  input: T;
  acknowledge(): void;
}

export interface WriteQueueOptions<T> {
  /**
   * Write a batch; resolve once it is durable. Throwing means "try the same batch again later"
   * (the inputs stay unacknowledged meanwhile).
   */
  write(batch: T[]): Promise<void>;
  /** Called after each failed attempt, with the delay before the next one. */
  onRetry?(error: unknown, delayMs: number): void;
  /** Most inputs in one write. */
  maxBatch: number;
  /** Retries stop (and nothing more is acknowledged) once this is aborted. */
  signal: AbortSignal;
  /** Backoff between attempts: doubles from `minDelayMs` to `maxDelayMs`. */
  minDelayMs?: number;
  maxDelayMs?: number;
}

/** Inputs are written in arrival order, one batch at a time, and acknowledged in that order. */
export interface WriteQueue<T> {
  push(input: QueuedInput<T>): void;
  /** Inputs taken but not yet acknowledged. */
  readonly pending: number;
  /** Resolves when everything pushed so far is written (or given up because of the signal). */
  idle(): Promise<void>;
}

/**
 * A single-writer queue: while one batch is being written, new inputs gather into the next.
 * Order is kept end to end: MQTT requires PUBACKs in the order the PUBLISHes arrived
 * (MQTT 5.0 §4.6), and the runtime drops observations older than the last one written.
 * @example const queue = createWriteQueue({ write: (batch) => context.write(batch.flat()), maxBatch: 500, signal })
 */
export function createWriteQueue<T>(options: WriteQueueOptions<T>): WriteQueue<T> {
  const waiting: QueuedInput<T>[] = [];
  let running: Promise<void> | undefined;
  let inFlight = 0;
  const minDelay = options.minDelayMs ?? 100;
  const maxDelay = options.maxDelayMs ?? 10_000;

  async function drain(): Promise<void> {
    while (waiting.length > 0 && !options.signal.aborted) {
      const batch = waiting.splice(0, options.maxBatch);
      inFlight = batch.length;
      const written = await writeUntilDone(batch.map((item) => item.input));
      inFlight = 0;
      if (!written) {
        waiting.unshift(...batch);
        return;
      }
      for (const item of batch) item.acknowledge();
    }
  }

  async function writeUntilDone(batch: T[]): Promise<boolean> {
    for (let delay = minDelay; ; delay = Math.min(delay * 2, maxDelay)) {
      try {
        await options.write(batch);
        return true;
      } catch (error) {
        if (options.signal.aborted) return false;
        options.onRetry?.(error, delay);
        await sleep(delay, options.signal);
        if (options.signal.aborted) return false;
      }
    }
  }

  function start(): void {
    running ??= drain().finally(() => {
      running = undefined;
      if (waiting.length > 0 && !options.signal.aborted) start();
    });
  }

  return {
    push(input) {
      waiting.push(input);
      start();
    },
    get pending() {
      return waiting.length + inFlight;
    },
    async idle() {
      while (running) await running;
    },
  };
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });
}
