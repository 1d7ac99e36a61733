import { maskUrlPasswords } from '@legocity/observability';
import type { Labels } from '../history/labels.js';
import type { Target } from '../scrape/targets.js';
import type { ActiveAlert } from './alert-state.js';

/** What the service knows of one target after its last scrape. */
export interface TargetStatus {
  up: boolean;
  lastScrapeAtMs?: number;
  error?: string;
}

/**
 * The body of `GET /alerts`: read by `legocity status`, `legocity doctor` and the admin, so its
 * shape is a contract — add fields, never rename or remove one.
 */
export interface AlertsView {
  evaluatedAt: string | null;
  targets: {
    name: string;
    url: string;
    up: boolean;
    lastScrapeAt: string | null;
    error?: string;
  }[];
  alerts: {
    name: string;
    severity: 'critical' | 'warning';
    state: 'pending' | 'firing';
    activeSince: string;
    summary: string;
    description: string;
    runbook: string;
    labels: Labels;
  }[];
}

/**
 * Builds the /alerts body: targets in configuration order, alerts firing first.
 * @example alertsView({ evaluatedAtMs: Date.now(), targets, status, active: states.active() })
 */
export function alertsView(input: {
  evaluatedAtMs: number | undefined;
  targets: readonly Target[];
  status: ReadonlyMap<string, TargetStatus>;
  active: readonly ActiveAlert[];
}): AlertsView {
  const iso = (ms: number | undefined) => (ms === undefined ? null : new Date(ms).toISOString());
  return {
    evaluatedAt: iso(input.evaluatedAtMs),
    targets: input.targets.map((target) => {
      const status = input.status.get(target.name) ?? { up: false };
      return {
        name: target.name,
        url: maskUrlPasswords(target.url),
        up: status.up,
        lastScrapeAt: iso(status.lastScrapeAtMs),
        ...(status.error !== undefined && { error: status.error }),
      };
    }),
    alerts: input.active.map((alert) => ({
      name: alert.name,
      severity: alert.severity,
      state: alert.state,
      activeSince: new Date(alert.activeSinceMs).toISOString(),
      summary: alert.summary,
      description: alert.description,
      runbook: alert.runbook,
      labels: alert.labels,
    })),
  };
}
