import { pino, type DestinationStream, type Logger } from 'pino';
import { maskUrlPasswords } from '../mask-url-passwords.js';
import { redactSecrets } from './redact.js';
import { serializeError } from './serialize-error.js';

export type { Logger } from 'pino';

export type LogLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal' | 'silent';

export interface LoggerOptions {
  /** Which process is talking: `broker`, `updaters`, `dashboard`, `cli`. */
  component: string;
  version: string;
  commit: string;
  /** Lowest severity written; default `info`. */
  level?: LogLevel;
  /** Where lines go; default stdout. Tests pass `{ write: (line) => lines.push(line) }`. */
  destination?: DestinationStream;
}

/**
 * A pino logger writing one JSON object per line: `severity` (a label, which log platforms map
 * without a lookup table), ISO `time`, `component`, `version`, `commit`, `msg`, plus the fields
 * given. Secrets are redacted by key at any depth, URL passwords masked, errors serialised.
 * @example
 * const logger = createLogger({ component: 'broker', version: '1.2.0', commit: 'abc1234' });
 * logger.child({ correlationId }).info({ tenant, entityId }, 'Entity created');
 */
export function createLogger(options: LoggerOptions): Logger {
  const pinoOptions = {
    level: options.level ?? 'info',
    // Replaces pino's pid/hostname: the platform (compose, Kubernetes) labels those already.
    base: { component: options.component, version: options.version, commit: options.commit },
    messageKey: 'msg',
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: {
      level: (label: string) => ({ severity: label }),
      // Root bindings only; children are covered by redactChildBindings below.
      bindings: (bindings: Record<string, unknown>) => redactSecrets(bindings),
      log: (object: Record<string, unknown>) => redactSecrets(object),
    },
    serializers: { err: serializeError, error: serializeError },
    hooks: {
      // A message such as `Connecting to ${url}` is an easy mistake; mask it on the way out.
      logMethod(this: Logger, args: unknown[], method: (...args: unknown[]) => void) {
        method.apply(
          this,
          args.map((arg) => (typeof arg === 'string' ? maskUrlPasswords(arg) : arg)),
        );
      },
    },
  };
  const logger =
    options.destination === undefined ? pino(pinoOptions) : pino(pinoOptions, options.destination);
  redactChildBindings(logger);
  return logger;
}

/**
 * pino applies `formatters.bindings` to the root logger only, so `child({ db })` would write
 * `db.password` as is. Children inherit from their parent object, so overriding `child` once on
 * the root covers grandchildren (and Fastify's request loggers) too.
 */
function redactChildBindings(logger: Logger): void {
  // eslint-disable-next-line @typescript-eslint/unbound-method -- called below with its own `this`.
  const originalChild = logger.child;
  logger.child = function child(this: Logger, bindings, childOptions) {
    return originalChild.call(this, redactSecrets(bindings), childOptions);
  } as Logger['child'];
}
