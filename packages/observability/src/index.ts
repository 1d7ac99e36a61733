/**
 * @legocity/observability — JSON logs, Prometheus metrics, health checks and graceful shutdown,
 * the same in every LegoCity server. Framework-neutral: apps wire their own HTTP hooks.
 */
export { createLogger } from './logger/create-logger.js';
export type { LogLevel, Logger, LoggerOptions } from './logger/create-logger.js';
export { REDACTED, SECRET_KEYS, URL_KEYS, redactSecrets } from './logger/redact.js';
export { serializeError } from './logger/serialize-error.js';
export type { SerializedError } from './logger/serialize-error.js';
export { maskUrlPasswords } from './mask-url-passwords.js';

export { createMetrics } from './metrics/create-metrics.js';
export type { Metrics, MetricsOptions } from './metrics/create-metrics.js';
export { createInstrumentFactory } from './metrics/instrument-factory.js';
export type {
  GaugeOptions,
  HistogramOptions,
  InstrumentFactory,
  InstrumentFactoryOptions,
  InstrumentOptions,
} from './metrics/instrument-factory.js';
export { HTTP_DURATION_BUCKETS } from './metrics/http-metrics.js';
export { METRIC_NAME, parseMetricsText } from './metrics/parse-metrics-text.js';
export type {
  Labels,
  MetricType,
  ParsedMetrics,
  ParsedSample,
  ParseMetricsResult,
} from './metrics/parse-metrics-text.js';
export type { HttpInstruments, HttpRequestSample } from './metrics/http-metrics.js';
export { assertMetricRules, metricName } from './metrics/metric-rules.js';
export type { MetricKind } from './metrics/metric-rules.js';

export { createHealth, healthHttpStatus } from './health/create-health.js';
export type {
  Health,
  HealthOptions,
  HealthSummary,
  ReadinessReport,
} from './health/create-health.js';
export { DEFAULT_CHECK_TIMEOUT_MS, runCheck, sanitizeDetail } from './health/run-check.js';
export type { CheckResult, HealthCheck } from './health/run-check.js';

export { createShutdown } from './shutdown/create-shutdown.js';
export { wireProcess } from './shutdown/wire-process.js';
export type {
  ProcessEventSource,
  ProcessLogger,
  WireProcessOptions,
} from './shutdown/wire-process.js';
export type {
  Shutdown,
  ShutdownHook,
  ShutdownLogger,
  ShutdownOptions,
  SignalSource,
} from './shutdown/create-shutdown.js';

export { uptimeSeconds, versionInfo } from './version/version-info.js';
export { gitCommit } from './version/git-commit.js';
export type { VersionInfo, VersionInfoOptions } from './version/version-info.js';
