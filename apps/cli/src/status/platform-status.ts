/** A component's state as `status` reports it. */
export interface ComponentStatus {
  name: 'broker' | 'updaters' | 'dashboard' | 'alerts';
  url: string;
  /** ok: ready; degraded: answers but a check fails; down: not ready; unreachable: no answer. */
  state: 'ok' | 'degraded' | 'down' | 'unreachable';
  version?: string;
  commit?: string;
  uptimeSeconds?: number;
  /** Failing checks, e.g. `database: connection refused`. */
  problems: string[];
  /** Check results by name, as /health reported them. */
  checks: Record<string, { ok: boolean; detail?: string }>;
  error?: string;
}

/** How often one kind of error happened to a source, and the last time. */
export interface SourceErrorCount {
  retryable: number;
  permanent: number;
  lastMessage: string;
  lastAt: string;
}

/** One update-server source, from the updaters' /health. */
export interface SourceStatus {
  id: string;
  title: string;
  /** fresh, late or down (updater-runtime's freshness). */
  staleness: string;
  lastSuccessAt: string | null;
  lastRun?: { startedAt: string; ok: boolean; created: number; updated: number; rejected: number };
  /** Errors by kind (http-5xx, timeout, auth, outbox-full, …), as the updater runtime counts them. */
  errors: Record<string, SourceErrorCount>;
  outbox: { pending: number; oldestAgeMs: number };
}

/** A firing or pending alert, from the alert evaluator's /alerts. */
export interface AlertStatus {
  name: string;
  severity: string;
  state: 'pending' | 'firing';
  activeSince: string;
  summary: string;
  description?: string;
  runbook: string;
  labels?: Record<string, string>;
}

/** Everything `status` shows, and what `doctor` and `routine` judge. */
export interface PlatformStatus {
  at: string;
  components: ComponentStatus[];
  sources: SourceStatus[] | { error: string };
  /** Entities by tenant, then short type name (from the broker's metrics). */
  entities: { byTenant: Record<string, Record<string, number>> } | { error: string };
  alerts: AlertStatus[] | { error: string };
}
