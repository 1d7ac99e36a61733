import { labelsKey, type Labels } from '../history/labels.js';
import { promDurationMs } from '../promql/duration.js';
import type { Vector } from '../promql/types.js';
import { runbookUrl, type AlertRule } from '../rules/rule.js';
import { renderTemplate } from '../rules/template.js';

/** An alert instance the rules found: one rule, one label set. */
export interface ActiveAlert {
  /** Rule name + labels: what identifies the alert across evaluations. */
  key: string;
  name: string;
  severity: AlertRule['severity'];
  /** The labels of the offending series (job, instance, source…), without alertname/severity. */
  labels: Labels;
  state: 'pending' | 'firing';
  /** When the condition started to hold (ms). */
  activeSinceMs: number;
  /** When it started firing (ms); absent while pending. */
  firedAtMs?: number;
  /** The expression's value at the latest evaluation. */
  value: number;
  summary: string;
  description: string;
  runbook: string;
}

/** What the webhook hears about: an alert started firing, or a firing one ended. */
export interface Transition {
  kind: 'firing' | 'resolved';
  alert: ActiveAlert;
  atMs: number;
}

/**
 * The alert state machine of Prometheus, per rule and label set: a condition that starts to hold
 * is pending; once it has held for the rule's `for`, it fires; when it stops holding, a pending
 * alert is forgotten and a firing one is resolved. Each change of firing/resolved is reported once.
 * @example
 * const states = new AlertStates();
 * const transitions = states.update(brokerDown, brokerDown.evaluate(query, thresholds), Date.now());
 */
export class AlertStates {
  private readonly alerts = new Map<string, ActiveAlert>();

  update(rule: AlertRule, elements: Vector, nowMs: number): Transition[] {
    const holdMs = promDurationMs(rule.for);
    const transitions: Transition[] = [];
    const seen = new Set<string>();
    for (const { labels, value } of elements) {
      const key = labelsKey({ alertname: rule.name, ...labels });
      seen.add(key);
      const data = { labels, value };
      const current = this.alerts.get(key);
      const alert: ActiveAlert = {
        key,
        name: rule.name,
        severity: rule.severity,
        labels,
        state: current?.state ?? 'pending',
        activeSinceMs: current?.activeSinceMs ?? nowMs,
        ...(current?.firedAtMs !== undefined && { firedAtMs: current.firedAtMs }),
        value,
        summary: renderTemplate(rule.summary, data),
        description: renderTemplate(rule.description, data),
        runbook: runbookUrl(rule),
      };
      if (alert.state === 'pending' && nowMs - alert.activeSinceMs >= holdMs) {
        alert.state = 'firing';
        alert.firedAtMs = nowMs;
        transitions.push({ kind: 'firing', alert, atMs: nowMs });
      }
      this.alerts.set(key, alert);
    }
    for (const [key, alert] of this.alerts) {
      if (alert.name !== rule.name || seen.has(key)) continue;
      this.alerts.delete(key);
      if (alert.state === 'firing') transitions.push({ kind: 'resolved', alert, atMs: nowMs });
    }
    return transitions;
  }

  /** Pending and firing alerts, firing first, then by name and labels. */
  active(): ActiveAlert[] {
    return [...this.alerts.values()].sort(
      (a, b) =>
        Number(b.state === 'firing') - Number(a.state === 'firing') ||
        a.name.localeCompare(b.name) ||
        a.key.localeCompare(b.key),
    );
  }
}
