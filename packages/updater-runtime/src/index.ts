/**
 * @legocity/updater-runtime — what an update server is made of. Write a source (source.ts), hand
 * it to createUpdater, serve startUpdaterServer. Keep this file to re-exports only.
 */
export type * from './source.js';
export type { SourceReport, LastRun, ErrorCount } from './source-report.js';
export {
  PermanentError,
  RetryableError,
  UpdaterError,
  errorKind,
  isRetryable,
  toUpdaterError,
  type ErrorKind,
  type UpdaterErrorOptions,
} from './errors.js';
export { backoffDelay, parseRetryAfter, type RetryPolicy } from './backoff.js';
export { redactUrls, safeUrl } from './safe-url.js';
export {
  DEFAULT_FETCH_TIMEOUT_MS,
  DEFAULT_HTTP_RETRY,
  createHttpGet,
  maxAge,
  type HttpGetSettings,
} from './http-get.js';
export { idPattern, validateEntity, type ValidateOptions } from './validate-entity.js';
export {
  DEFAULT_MAX_PENDING,
  openOutbox,
  type Outbox,
  type OutboxBatch,
  type OutboxOptions,
  type OutboxPosition,
  type OutboxRecovery,
} from './outbox.js';
export { openDedupe, type Dedupe, type DedupeOptions, type DedupeResult } from './dedupe.js';
export { writeEntities, type WriteReport, type WriteEntitiesContext } from './write-entities.js';
export {
  DEFAULT_BATCH_SIZE,
  createBrokerWriter,
  batchRounds,
  type BrokerWriter,
  type BrokerWriterOptions,
  type DeliveredEvent,
  type RejectedEntity,
  type UpsertClient,
} from './broker-writer.js';
export { createFreshness, staleness, type Freshness, type FreshnessOptions } from './freshness.js';
export {
  createPolledRunner,
  type PolledRunner,
  type PolledRunnerOptions,
  type RunReport,
} from './run-polled-source.js';
export { createUpdater, type Updater, type UpdaterOptions } from './create-updater.js';
export { createUpdaterMetrics, type UpdaterMetrics } from './updater-metrics.js';
export {
  sourceProblems,
  startUpdaterServer,
  type UpdaterServer,
  type UpdaterServerOptions,
} from './http-server.js';
