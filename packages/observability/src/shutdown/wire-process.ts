import { serializeError } from '../logger/serialize-error.js';
import { messages } from '../messages.js';
import { createShutdown, type Shutdown, type ShutdownLogger } from './create-shutdown.js';

/** The logger `wireProcess` needs: shutdown's, plus `fatal`; a pino logger fits. */
export interface ProcessLogger extends ShutdownLogger {
  fatal(fields: object, msg: string): void;
}

/** What `wireProcess` attaches to; `process` by default, an EventEmitter in tests. */
export interface ProcessEventSource {
  on(event: NodeJS.Signals, listener: (signal: NodeJS.Signals) => void): unknown;
  on(
    event: 'uncaughtException' | 'unhandledRejection',
    listener: (error: unknown) => void,
  ): unknown;
  off(event: NodeJS.Signals, listener: (signal: NodeJS.Signals) => void): unknown;
}

export interface WireProcessOptions {
  logger: ProcessLogger;
  /** Deadline for all shutdown hooks together; past it the process exits with 1. */
  timeoutMs: number;
  /** Ends the process; main.ts passes `(code) => process.exit(code)`. Called exactly once. */
  onExit: (code: number) => void;
  /** Where signals and process errors come from; `process` by default. */
  source?: ProcessEventSource;
}

/**
 * The process wiring every server's main.ts needs: a graceful shutdown listening to SIGTERM and
 * SIGINT, an uncaught exception logged as fatal and shut down with exit code 1, an unhandled
 * rejection logged as an error. Never ends the process itself: `onExit` does.
 * @example
 * const shutdown = wireProcess({ logger, timeoutMs: 10_000, onExit: (code) => process.exit(code) });
 * shutdown.register('http', () => app.close());
 */
export function wireProcess(options: WireProcessOptions): Shutdown {
  const { logger, source = process } = options;
  const shutdown = createShutdown(options);
  shutdown.listen(undefined, source);
  source.on('uncaughtException', (error) => {
    logger.fatal({ err: serializeError(error) }, messages.uncaughtException);
    void shutdown.trigger('uncaughtException', { exitCode: 1 });
  });
  source.on('unhandledRejection', (reason) => {
    logger.error({ err: serializeError(reason) }, messages.unhandledRejection);
  });
  return shutdown;
}
