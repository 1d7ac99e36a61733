/**
 * Every sentence this package writes to a log or throws, in one place (STYLE.md habit 5).
 * Thrown messages are programmer errors met at start-up, so they say how to fix the call.
 */
export const messages = {
  metricNameInvalid: (name: string) =>
    `Metric name '${name}' is invalid: use lower snake_case letters, digits and underscores`,
  counterNeedsTotal: (name: string) => `Counter '${name}' is invalid: its name must end in _total`,
  onlyCountersEndInTotal: (name: string) =>
    `Metric '${name}' is invalid: only counters end in _total`,
  labelIsIdentifier: (name: string, label: string) =>
    `Metric '${name}' is invalid: label '${label}' would hold identifiers; ` +
    'put ids in logs, not metric labels (one time series per value)',
  duplicateCheck: (name: string) =>
    `Health check '${name}' is declared twice; each check needs its own name`,
  checkTimedOut: (timeoutMs: number) => `timed out after ${timeoutMs} ms`,
  checkReturnedNothing: () => 'returned no result',
  shuttingDown: () => 'shutting down',
  shutdownStarted: 'Shutdown started',
  shutdownHookFinished: 'Shutdown hook finished',
  shutdownHookFailed: 'Shutdown hook failed',
  shutdownFinished: 'Shutdown finished',
  shutdownFinishedWithErrors: 'Shutdown finished with errors',
  shutdownTimedOut: 'Shutdown timed out; forcing exit',
  shutdownForced: 'Second signal received; forcing exit',
  shutdownHookTooLate: 'Shutdown hook registered after shutdown started; not run',
  uncaughtException: 'Uncaught exception; shutting down',
  unhandledRejection: 'Unhandled promise rejection',
} as const;
