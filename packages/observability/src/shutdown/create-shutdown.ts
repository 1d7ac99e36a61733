import { messages } from '../messages.js';

/** The part of a logger shutdown needs; a pino logger fits. */
export interface ShutdownLogger {
  info(fields: object, msg: string): void;
  warn(fields: object, msg: string): void;
  error(fields: object, msg: string): void;
}

/** What `listen` attaches to; `process` by default, an EventEmitter in tests. */
export interface SignalSource {
  on(signal: NodeJS.Signals, listener: (signal: NodeJS.Signals) => void): unknown;
  off(signal: NodeJS.Signals, listener: (signal: NodeJS.Signals) => void): unknown;
}

export interface ShutdownOptions {
  logger: ShutdownLogger;
  /** Deadline for all hooks together; past it the process exits with 1. */
  timeoutMs: number;
  /** Ends the process; main.ts passes `(code) => process.exit(code)`. Called exactly once. */
  onExit: (code: number) => void;
}

export type ShutdownHook = () => void | Promise<void>;

export interface Shutdown {
  /** Adds a step; steps run in reverse order of registration: last started, first stopped. */
  register(name: string, hook: ShutdownHook): void;
  /** Starts shutdown (once; later calls return the same promise). `exitCode` is used on success. */
  trigger(reason: string, options?: { exitCode?: number }): Promise<void>;
  /** Shuts down on these signals; a second signal forces exit 1. Returns a function to stop listening. */
  listen(signals?: readonly NodeJS.Signals[], source?: SignalSource): () => void;
  readonly isShuttingDown: boolean;
}

/**
 * Graceful shutdown in one place per app (STYLE.md habit 7). Never ends the process itself.
 * @example
 * const shutdown = createShutdown({ logger, timeoutMs: 10_000, onExit: (code) => process.exit(code) });
 * shutdown.register('database', () => pool.end());
 * shutdown.register('http', () => app.close());
 * shutdown.register('readiness', () => health.markShuttingDown()); // runs first
 * shutdown.listen();
 */
export function createShutdown(options: ShutdownOptions): Shutdown {
  const { logger } = options;
  const hooks: { name: string; hook: ShutdownHook }[] = [];
  let running: Promise<void> | undefined;
  let hasExited = false;
  let deadline: NodeJS.Timeout | undefined;

  const exit = (code: number): void => {
    if (hasExited) return;
    hasExited = true;
    clearTimeout(deadline);
    options.onExit(code);
  };

  const run = async (reason: string, successCode: number): Promise<void> => {
    const startedAt = performance.now();
    const steps = [...hooks].reverse();
    logger.info({ reason, steps: steps.map((step) => step.name) }, messages.shutdownStarted);
    let current = '';
    // Kept referenced on purpose: if every hook hangs on something that does not hold the event
    // loop, the timer is what still ends the process, with 1, instead of a silent exit 0.
    const timedOut = new Promise<'timeout'>((resolve) => {
      deadline = setTimeout(() => resolve('timeout'), options.timeoutMs);
    });
    const work = (async () => {
      let hasFailed = false;
      for (const { name, hook } of steps) {
        if (hasExited) break;
        current = name;
        const hookStartedAt = performance.now();
        try {
          await hook();
          logger.info(
            { hook: name, durationMs: elapsed(hookStartedAt) },
            messages.shutdownHookFinished,
          );
        } catch (err) {
          hasFailed = true;
          logger.error({ hook: name, err }, messages.shutdownHookFailed);
        }
      }
      return hasFailed ? ('failed' as const) : ('done' as const);
    })();

    const outcome = await Promise.race([work, timedOut]);
    if (outcome === 'timeout') {
      logger.error(
        { reason, hook: current, timeoutMs: options.timeoutMs },
        messages.shutdownTimedOut,
      );
      exit(1);
      return;
    }
    const fields = { reason, durationMs: elapsed(startedAt) };
    if (outcome === 'failed') logger.error(fields, messages.shutdownFinishedWithErrors);
    else logger.info(fields, messages.shutdownFinished);
    exit(outcome === 'failed' ? 1 : successCode);
  };

  const trigger = (reason: string, triggerOptions: { exitCode?: number } = {}): Promise<void> => {
    running ??= run(reason, triggerOptions.exitCode ?? 0).catch(() => exit(1));
    return running;
  };

  return {
    register: (name, hook) => {
      if (running) logger.warn({ hook: name }, messages.shutdownHookTooLate);
      else hooks.push({ name, hook });
    },
    trigger,
    listen: (signals = ['SIGTERM', 'SIGINT'], source = process) => {
      const onSignal = (signal: NodeJS.Signals): void => {
        if (running) {
          logger.warn({ signal }, messages.shutdownForced);
          exit(1);
        } else {
          void trigger(signal);
        }
      };
      for (const signal of signals) source.on(signal, onSignal);
      return () => {
        for (const signal of signals) source.off(signal, onSignal);
      };
    },
    get isShuttingDown() {
      return running !== undefined;
    },
  };
}

function elapsed(since: number): number {
  return Math.round(performance.now() - since);
}
