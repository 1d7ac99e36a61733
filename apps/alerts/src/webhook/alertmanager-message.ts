import { createHash } from 'node:crypto';
import { labelsKey } from '../history/labels.js';
import type { Transition } from '../evaluate/alert-state.js';
import { HEARTBEAT } from '../rules/heartbeat.js';
import { runbookUrl } from '../rules/rule.js';

/** One alert in an Alertmanager webhook message. */
export interface WebhookAlert {
  status: 'firing' | 'resolved';
  labels: Record<string, string>;
  annotations: Record<string, string>;
  startsAt: string;
  endsAt: string;
  generatorURL: string;
  fingerprint: string;
}

/** The body Alertmanager's webhook receiver POSTs (version 4), so existing receivers work. */
export interface WebhookMessage {
  version: '4';
  groupKey: string;
  truncatedAlerts: number;
  status: 'firing' | 'resolved';
  receiver: string;
  groupLabels: Record<string, string>;
  commonLabels: Record<string, string>;
  commonAnnotations: Record<string, string>;
  externalURL: string;
  alerts: WebhookAlert[];
}

/** Alertmanager's "not ended yet". */
const NO_END = '0001-01-01T00:00:00Z';
const RECEIVER = 'legocity-alerts';

/**
 * The message for one state change: an alert started firing, or a firing alert resolved.
 * @example stateChangeMessage(transition, 'http://127.0.0.1:4042')
 */
export function stateChangeMessage(transition: Transition, externalUrl: string): WebhookMessage {
  const { alert, kind, atMs } = transition;
  return message({
    status: kind,
    labels: { alertname: alert.name, severity: alert.severity, ...alert.labels },
    annotations: {
      summary: alert.summary,
      description: alert.description,
      runbook_url: alert.runbook,
    },
    startsAt: new Date(alert.firedAtMs ?? alert.activeSinceMs).toISOString(),
    endsAt: kind === 'resolved' ? new Date(atMs).toISOString() : NO_END,
    externalUrl,
  });
}

/**
 * The heartbeat: LegoCityHeartbeat, always firing since the service started.
 * @example heartbeatMessage(startedAt.getTime(), 'http://127.0.0.1:4042')
 */
export function heartbeatMessage(startedAtMs: number, externalUrl: string): WebhookMessage {
  return message({
    status: 'firing',
    labels: { alertname: HEARTBEAT.name, severity: HEARTBEAT.severity },
    annotations: {
      summary: HEARTBEAT.summary,
      description: HEARTBEAT.description,
      runbook_url: runbookUrl(HEARTBEAT),
    },
    startsAt: new Date(startedAtMs).toISOString(),
    endsAt: NO_END,
    externalUrl,
  });
}

function message(alert: {
  status: 'firing' | 'resolved';
  labels: Record<string, string>;
  annotations: Record<string, string>;
  startsAt: string;
  endsAt: string;
  externalUrl: string;
}): WebhookMessage {
  const alertname = alert.labels.alertname ?? '';
  return {
    version: '4',
    groupKey: `{}:{alertname="${alertname}"}`,
    truncatedAlerts: 0,
    status: alert.status,
    receiver: RECEIVER,
    groupLabels: { alertname },
    commonLabels: alert.labels,
    commonAnnotations: alert.annotations,
    externalURL: alert.externalUrl,
    alerts: [
      {
        status: alert.status,
        labels: alert.labels,
        annotations: alert.annotations,
        startsAt: alert.startsAt,
        endsAt: alert.endsAt,
        generatorURL: `${alert.externalUrl}/alerts`,
        fingerprint: createHash('sha256')
          .update(labelsKey(alert.labels))
          .digest('hex')
          .slice(0, 16),
      },
    ],
  };
}
