import { messages } from '../messages.js';
import { elapsedMs, runHooks, type NamedHook } from './run-hooks.js';

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
  /** Starts shutdown (once; later calls share it). `exitCode` (default 0) is used on success. */
  trigger(reason: string, options?: { exitCode?: number }): Promise<void>;
  /** Shuts down on these signals; a second signal forces exit 1. Returns a function to stop. */
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
  const hooks: NamedHook[] = [];
  let running: Promise<void> | undefined;
  let hasExited = false;

  const exit = (code: number): void => {
    if (hasExited) return;
    hasExited = true;
    options.onExit(code);
  };

  const run = async (reason: string, successCode: number): Promise<void> => {
    const startedAt = performance.now();
    const steps = [...hooks].reverse();
    logger.info({ reason, steps: steps.map((step) => step.name) }, messages.shutdownStarted);
    const outcome = await runHooks({
      hooks: steps,
      timeoutMs: options.timeoutMs,
      logger,
      shouldStop: () => hasExited,
    });
    // A second signal already forced the exit: nothing left to report.
    if (hasExited) return;
    if (outcome.kind === 'timeout') {
      const fields = { reason, hook: outcome.hook, timeoutMs: options.timeoutMs };
      logger.error(fields, messages.shutdownTimedOut);
      return exit(1);
    }
    const fields = { reason, durationMs: elapsedMs(startedAt) };
    if (outcome.kind === 'failed') logger.error(fields, messages.shutdownFinishedWithErrors);
    else logger.info(fields, messages.shutdownFinished);
    exit(outcome.kind === 'failed' ? 1 : successCode);
  };

  const trigger: Shutdown['trigger'] = (reason, triggerOptions = {}) => {
    // Only a throwing logger could reject here; the process must still end.
    running ??= run(reason, triggerOptions.exitCode ?? 0).catch(() => exit(1));
    return running;
  };

  const listen: Shutdown['listen'] = (signals = ['SIGTERM', 'SIGINT'], source = process) => {
    const onSignal = (signal: NodeJS.Signals): void => {
      if (!running) return void trigger(signal);
      logger.warn({ signal }, messages.shutdownForced);
      exit(1);
    };
    for (const signal of signals) source.on(signal, onSignal);
    return () => {
      for (const signal of signals) source.off(signal, onSignal);
    };
  };

  return {
    register: (name, hook) => {
      if (running) logger.warn({ hook: name }, messages.shutdownHookTooLate);
      else hooks.push({ name, hook });
    },
    trigger,
    listen,
    get isShuttingDown() {
      return running !== undefined;
    },
  };
}
