/**
 * The dashboard's read proxy: the browser's only way to broker data. Framework-neutral (no Next
 * or Payload imports); route handlers parse the HTTP request, call these and copy the answer.
 * Keep this file to re-exports only.
 */
export {
  geometryPropertyOf,
  type LayerBroker,
  type LayerConfig,
  type LayerGeoFilter,
} from './layer-config.js';
export {
  LAYER_REQUEST_PARAMETERS,
  MAX_PAGE,
  MAX_PARAMETER_LENGTH,
  bboxGeoQuery,
  brokerQueryFor,
  isBboxFilteredLocally,
  parseLayerRequest,
  type BBox,
  type LayerRequest,
} from './layer-query.js';
export {
  BROKER_PAGE_SIZE,
  DEFAULT_BROKER_TIMEOUT_MS,
  DEFAULT_FEATURE_CAP,
  PAGE_CONCURRENCY,
  fetchLayer,
  newestChange,
  type AggregateAnswer,
  type DataAge,
  type FeatureAnswer,
  type FetchLayerOptions,
  type LayerAnswer,
} from './fetch-layer.js';
export {
  COUNT_CONCURRENCY,
  GRID_CELLS_ACROSS,
  WORLD_BBOX,
  aggregateLayer,
  cellSizeFor,
  gridCells,
  type CellFeature,
} from './aggregate-layer.js';
export {
  DEFAULT_CACHE_ENTRIES,
  DEFAULT_CACHE_TTL_MS,
  createTtlCache,
  layerCacheKey,
  type TtlCache,
  type TtlCacheOptions,
} from './cache.js';
export {
  DEFAULT_CLIENT_BURST,
  DEFAULT_CLIENT_RATE,
  DEFAULT_MAX_CLIENTS,
  createRateLimiter,
  type RateDecision,
  type RateLimiter,
  type RateLimiterOptions,
} from './rate-limit.js';
export {
  PROXY_PROBLEMS,
  ProxyError,
  invalidRequest,
  problemFromError,
  problemOf,
  type ProxyProblem,
  type ProxyProblemKind,
} from './proxy-errors.js';
export {
  DEFAULT_PAGE_FEATURES,
  createReadProxy,
  selectPage,
  type ProxyResponse,
  type ReadLayerInput,
  type ReadProxy,
  type ReadProxyOptions,
} from './read-layer.js';
export {
  DEFAULT_MAX_CONNECTIONS,
  HEARTBEAT_MS,
  SSE_RETRY_MS,
  createLiveUpdates,
  type LiveUpdate,
  type LiveUpdates,
  type LiveUpdatesOptions,
  type NotificationResult,
} from './live-updates.js';
export {
  NOTIFY_TOKEN_HEADER,
  layerSubscription,
  layerSubscriptionId,
  upsertSubscription,
} from './layer-subscription.js';
export { entityToFeature } from './entity-feature.js';
export { formatSseComment, formatSseFrame } from './sse-frames.js';
