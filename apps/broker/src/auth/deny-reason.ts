/**
 * Why a request was refused: the `reason` label of legocity_broker_auth_failures_total and the
 * `reason` of audit events. A closed set, so the metric's label values stay bounded.
 */
export const DENY_REASONS = [
  'missing',
  'malformed',
  'unknown',
  'invalid',
  'superseded',
  'expired',
  'revoked',
  'scope',
  'tenant',
  'entity-type',
  'rate-limited',
] as const;

export type DenyReason = (typeof DENY_REASONS)[number];

/** A refused request, as the audit log and the metrics see it (never the key's secret). */
export interface Denial {
  reason: DenyReason;
  status: 401 | 403 | 429;
  /** The key, when it was recognised (a real key id, never an id a client made up). */
  keyId?: string | undefined;
  keyName?: string | undefined;
  method: string;
  path: string;
  tenant?: string | undefined;
  detail?: string | undefined;
}
