import type { Logger } from '@legocity/observability';
import type { AlertsMetrics } from '../alerts-metrics.js';
import { ingestScrape } from '../history/ingest-scrape.js';
import type { Labels } from '../history/labels.js';
import { retentionFor } from '../history/retention.js';
import { SampleHistory } from '../history/sample-history.js';
import { messages } from '../messages.js';
import { parseMetricsText } from '@legocity/observability';
import { historyQuery } from '../promql/query.js';
import type { AlertRule, Thresholds } from '../rules/rule.js';
import { scrapeTarget, type ScrapeResult } from '../scrape/scrape-target.js';
import type { Target } from '../scrape/targets.js';
import { heartbeatMessage, stateChangeMessage } from '../webhook/alertmanager-message.js';
import type { WebhookSender } from '../webhook/webhook-sender.js';
import { AlertStates } from './alert-state.js';
import { alertsView, type AlertsView, type TargetStatus } from './alerts-view.js';
import { evaluateRules } from './evaluate-rules.js';

export interface EvaluatorOptions {
  targets: readonly Target[];
  /** The service itself: its own /metrics text (disk, memory, backup) is read like a target's. */
  self: Pick<Target, 'job' | 'instance'> & { render: () => Promise<string> };
  rules: readonly AlertRule[];
  thresholds: Thresholds;
  intervalMs: number;
  scrapeTimeoutMs: number;
  metrics: AlertsMetrics;
  logger: Pick<Logger, 'info' | 'warn' | 'error'>;
  webhook?: { sender: WebhookSender; externalUrl: string; heartbeatIntervalMs: number };
  startedAtMs: number;
  fetch?: typeof fetch;
}

/**
 * One round every interval: scrape every target (and the service's own metrics), store the
 * samples the rules read, evaluate every rule, advance the alert states, and send each change —
 * and the heartbeat when due — to the webhook. Time is passed in, so tests drive it with a clock.
 * @example const evaluator = createEvaluator(options); await evaluator.tick(Date.now()); evaluator.view();
 */
export function createEvaluator(options: EvaluatorOptions) {
  const history = new SampleHistory({
    retention: retentionFor(options.rules, options.thresholds, options.intervalMs),
  });
  const states = new AlertStates();
  const previous = new Map<string, Map<string, Labels>>();
  const status = new Map<string, TargetStatus>(
    options.targets.map((target) => [target.name, { up: false }]),
  );
  const failingRules = new Set<string>();
  let evaluatedAtMs: number | undefined;
  let lastHeartbeatMs: number | undefined;
  let selfError: string | undefined;
  options.metrics.observe({
    history: () => history.size(),
    queue: () => options.webhook?.sender.pending ?? 0,
  });

  const store = (
    target: Pick<Target, 'job' | 'instance'>,
    key: string,
    result: ScrapeResult,
    nowMs: number,
  ) => {
    const samples = result.ok ? result.samples : undefined;
    previous.set(
      key,
      ingestScrape(history, target, nowMs, samples, previous.get(key) ?? new Map()),
    );
  };

  const noteScrape = (target: Target, result: ScrapeResult, nowMs: number) => {
    const before = status.get(target.name);
    status.set(target.name, {
      up: result.ok,
      lastScrapeAtMs: nowMs,
      ...(!result.ok && { error: result.error }),
    });
    options.metrics.scraped(target.name, result.ok);
    const fields = { target: target.name, instance: target.instance };
    if (!result.ok && (before?.up !== false || before.lastScrapeAtMs === undefined)) {
      options.logger.warn({ ...fields, reason: result.error }, messages.targetDown(target.name));
    } else if (result.ok && before?.up === false && before.lastScrapeAtMs !== undefined) {
      options.logger.info(fields, messages.targetUp(target.name));
    }
  };

  async function tick(nowMs: number): Promise<void> {
    const startedAt = performance.now();
    const timeoutMs = options.scrapeTimeoutMs;
    const results = await Promise.all(
      options.targets.map((target) =>
        scrapeTarget(target, { timeoutMs, ...(options.fetch && { fetch: options.fetch }) }),
      ),
    );
    options.targets.forEach((target, index) => {
      const result = results[index] ?? { ok: false, error: 'not scraped' };
      store(target, target.name, result, nowMs);
      noteScrape(target, result, nowMs);
    });
    const own = parseMetricsText(await options.self.render());
    if (!own.ok && selfError !== own.error)
      options.logger.error({ reason: own.error }, messages.selfScrapeFailed());
    selfError = own.ok ? undefined : own.error;
    store(options.self, 'self', own.ok ? { ok: true, samples: own.value.samples } : own, nowMs);
    history.compact(nowMs);

    const query = historyQuery(history, nowMs);
    const { transitions, failures } = evaluateRules(
      options.rules,
      query,
      options.thresholds,
      states,
    );
    reportFailures(failures);
    for (const transition of transitions) {
      const { alert } = transition;
      // `severity` is the log line's own level field: the alert's goes under another name.
      const fields = { alert: alert.name, alertSeverity: alert.severity, labels: alert.labels };
      if (transition.kind === 'firing') options.logger.warn(fields, alert.summary);
      else options.logger.info(fields, messages.alertResolved(alert.summary));
      options.webhook?.sender.send(
        transition.kind,
        stateChangeMessage(transition, options.webhook.externalUrl),
      );
    }
    options.metrics.setAlerts(options.rules, states.active());
    options.metrics.evaluated(
      nowMs,
      failures.map((failure) => failure.rule),
      (performance.now() - startedAt) / 1000,
    );
    sendHeartbeatIfDue(nowMs);
    evaluatedAtMs = nowMs;
  }

  function reportFailures(failures: ReturnType<typeof evaluateRules>['failures']): void {
    const now = new Set(failures.map((failure) => failure.rule));
    for (const { rule, error } of failures) {
      if (!failingRules.has(rule))
        options.logger.error({ rule, err: error }, messages.ruleFailed(rule));
    }
    failingRules.clear();
    for (const rule of now) failingRules.add(rule);
  }

  function sendHeartbeatIfDue(nowMs: number): void {
    const webhook = options.webhook;
    if (!webhook || webhook.heartbeatIntervalMs <= 0) return;
    if (lastHeartbeatMs !== undefined && nowMs - lastHeartbeatMs < webhook.heartbeatIntervalMs)
      return;
    lastHeartbeatMs = nowMs;
    webhook.sender.send('heartbeat', heartbeatMessage(options.startedAtMs, webhook.externalUrl));
  }

  return {
    tick,
    /** The body of GET /alerts. */
    view: (): AlertsView =>
      alertsView({ evaluatedAtMs, targets: options.targets, status, active: states.active() }),
    /** When the rules were last evaluated (ms), undefined before the first round. */
    get evaluatedAtMs() {
      return evaluatedAtMs;
    },
    /** How many rules are evaluated each round. */
    ruleCount: options.rules.length,
    /** Samples held for the rules (for measurements). */
    historySize: () => history.size(),
  };
}

export type Evaluator = ReturnType<typeof createEvaluator>;
