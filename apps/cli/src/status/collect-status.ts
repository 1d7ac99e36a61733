import type { CliConfig } from '../config.js';
import { METRIC_NAME, parseMetricsText } from '@legocity/observability';
import { probe } from '../platform/probe.js';
import type {
  AlertStatus,
  ComponentStatus,
  PlatformStatus,
  SourceStatus,
} from './platform-status.js';

type Endpoints = Pick<CliConfig, 'brokerUrl' | 'updatersUrl' | 'dashboardUrl' | 'alertsUrl'>;

interface HealthBody {
  status?: string;
  version?: string;
  commit?: string;
  uptimeSeconds?: number;
  checks?: Record<string, { ok: boolean; critical?: boolean; detail?: string; error?: string }>;
  sources?: SourceStatus[];
}

/**
 * Ask every component how it is: /health and /version of each, the sources of the update
 * servers, entity counts from the broker's metrics, alerts from the evaluator. Never throws: an
 * unreachable component is part of the answer.
 * @example const status = await collectStatus(config, { timeoutMs: 5000 });
 */
export async function collectStatus(
  endpoints: Endpoints,
  options: { timeoutMs: number; fetchImpl?: typeof fetch; now?: Date },
): Promise<PlatformStatus> {
  const get = <T>(url: string) => probe<T>(url, options);
  const targets = [
    ['broker', endpoints.brokerUrl],
    ['updaters', endpoints.updatersUrl],
    ['dashboard', endpoints.dashboardUrl],
    ['alerts', endpoints.alertsUrl],
  ] as const;
  const [healths, metrics, alerts] = await Promise.all([
    Promise.all(targets.map(([, url]) => get<HealthBody>(`${origin(url)}/health`))),
    get(`${origin(endpoints.brokerUrl)}/metrics`),
    get<{ alerts?: AlertStatus[] }>(`${origin(endpoints.alertsUrl)}/alerts`),
  ]);
  const components = targets.map(([name, url], index): ComponentStatus => {
    const health = healths[index]!;
    if (!health.ok)
      return { name, url, state: 'unreachable', problems: [], checks: {}, error: health.error };
    const body = health.body ?? {};
    const checks: ComponentStatus['checks'] = {};
    const problems: string[] = [];
    for (const [check, result] of Object.entries(body.checks ?? {})) {
      const detail = result.error ?? result.detail;
      checks[check] = { ok: result.ok, ...(detail !== undefined && { detail }) };
      if (!result.ok) problems.push(`${check}: ${detail ?? 'failing'}`);
    }
    const state = health.status === 200 ? (problems.length > 0 ? 'degraded' : 'ok') : 'down';
    return {
      name,
      url,
      state,
      ...(body.version !== undefined && { version: body.version }),
      ...(body.commit !== undefined && { commit: body.commit }),
      ...(body.uptimeSeconds !== undefined && { uptimeSeconds: body.uptimeSeconds }),
      problems:
        health.status === 200 || problems.length > 0
          ? problems
          : [`/health answered ${health.status}`],
      checks,
    };
  });
  const updaters = healths[1]!;
  return {
    at: (options.now ?? new Date()).toISOString(),
    components,
    sources: updaters.ok
      ? (updaters.body?.sources ?? [])
      : { error: `update servers unreachable: ${updaters.error}` },
    entities: metrics.ok
      ? entityCounts(metrics.text)
      : { error: `broker metrics unreachable: ${metrics.error}` },
    alerts: !alerts.ok
      ? { error: `alert evaluator unreachable: ${alerts.error}` }
      : alerts.status !== 200 || !Array.isArray(alerts.body?.alerts)
        ? { error: `alert evaluator answered ${alerts.status}` }
        : alerts.body.alerts,
  };
}

function entityCounts(text: string): PlatformStatus['entities'] {
  const parsed = parseMetricsText(text);
  if (!parsed.ok) return { error: `broker metrics unreadable: ${parsed.error}` };
  const counts: Record<string, Record<string, number>> = {};
  for (const { labels, value } of parsed.value.samples) {
    if (labels[METRIC_NAME] !== 'legocity_broker_entities') continue;
    const tenant = labels.tenant ?? 'default';
    (counts[tenant] ??= {})[shortType(labels.type ?? '?')] = value;
  }
  return { byTenant: counts };
}

/** `https://uri.etsi.org/ngsi-ld/default-context/Alert` → `Alert`. */
export function shortType(type: string): string {
  return type.replace(/^.*[/#]/, '') || type;
}

function origin(url: string): string {
  return url.replace(/\/+$/, '');
}
