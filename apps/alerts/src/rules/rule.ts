import type { Query } from '../promql/query.js';
import type { Vector } from '../promql/types.js';

export type Severity = 'critical' | 'warning';

/** The numbers an operator may tune (LEGOCITY_ALERTS_*); both PromQL and evaluation read them. */
export interface Thresholds {
  /** Share of 5xx answers (broker, dashboard) that is an incident, e.g. 0.05. */
  errorRatio: number;
  /** Share of a type's entities lost within an hour that alerts, e.g. 0.2. */
  entityDropRatio: number;
  /** Growth over 24 hours (×) that counts as unbounded, e.g. 2. */
  entityGrowthFactor: number;
  /** Free share of the data disk under which it alerts, e.g. 0.1. */
  diskMinAvailableRatio: number;
  /** Available share of memory under which it alerts, e.g. 0.1. */
  memoryMinAvailableRatio: number;
  /** Age of the newest successful backup past which it alerts (seconds), e.g. 93600 (26 h). */
  backupMaxAgeSeconds: number;
  /** Age of the oldest entity waiting in a source's outbox past which it alerts (seconds), e.g. 600. */
  outboxMaxAgeSeconds: number;
  /** How far back a refused (401/403) write of a source counts (seconds), e.g. 300. */
  keyRefusedWindowSeconds: number;
}

/**
 * One alert, written once and used twice: `expr` is what Prometheus evaluates (the rules file is
 * generated from it), `evaluate` is the same condition over the evaluator's sample history, with
 * the same selectors (a test compares them). Summary and description are Prometheus templates
 * (`{{ $labels.x }}`, `{{ $value | humanize }}`) that both render the same way.
 */
export interface AlertRule {
  /** `LegoCity` + what is wrong, e.g. `LegoCityBrokerDown`. */
  name: string;
  severity: Severity;
  /** How long the condition must hold before the alert fires, a PromQL duration ('2m'). */
  for: string;
  summary: string;
  description: string;
  /** Anchor of the section of docs/runbooks/alerts.md that says what to do. */
  runbook: string;
  expr(thresholds: Thresholds): string;
  evaluate(query: Query, thresholds: Thresholds): Vector;
}

/** The runbook of every alert; rules link to its sections. */
export const RUNBOOK_FILE = 'docs/runbooks/alerts.md';

/**
 * The runbook link of a rule (the `runbook_url` annotation and `runbook` in GET /alerts).
 * @example runbookUrl(brokerDown) // 'docs/runbooks/alerts.md#broker-down'
 */
export function runbookUrl(rule: Pick<AlertRule, 'runbook'>): string {
  return `${RUNBOOK_FILE}#${rule.runbook}`;
}

/** Prometheus job names of the components; the example prometheus.yml uses the same. */
export const JOBS = {
  broker: 'legocity-broker',
  updaters: 'legocity-updaters',
  dashboard: 'legocity-dashboard',
  alerts: 'legocity-alerts',
} as const;

export type Component = keyof typeof JOBS;
