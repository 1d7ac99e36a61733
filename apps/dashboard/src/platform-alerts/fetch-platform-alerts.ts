/** A pending or firing alert, as the alert evaluator's GET /alerts lists it. */
export interface PlatformAlert {
  name: string;
  severity: string;
  state: 'pending' | 'firing';
  activeSince: string;
  summary: string;
  runbook: string;
}

/** What the admin shows: the alerts, or why they are unknown. */
export type PlatformAlerts =
  { ok: true; evaluatedAt: string | null; alerts: PlatformAlert[] } | { ok: false; error: string };

const TIMEOUT_MS = 3000;

/**
 * Read the alert evaluator's /alerts on the server (the browser never reaches it). Never throws;
 * only the fields the admin shows are passed on.
 * @example const answer = await fetchPlatformAlerts('http://127.0.0.1:4042');
 */
export async function fetchPlatformAlerts(
  alertsUrl: string,
  fetchImpl: typeof fetch = fetch,
): Promise<PlatformAlerts> {
  try {
    const response = await fetchImpl(new URL('/alerts', alertsUrl), {
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    if (!response.ok)
      return { ok: false, error: `the alert evaluator answered ${response.status}` };
    const body = (await response.json()) as { evaluatedAt?: unknown; alerts?: unknown };
    if (!Array.isArray(body.alerts))
      return { ok: false, error: 'the alert evaluator answered without an alert list' };
    return {
      ok: true,
      evaluatedAt: typeof body.evaluatedAt === 'string' ? body.evaluatedAt : null,
      alerts: body.alerts.filter(isAlert).map((alert) => ({
        name: alert.name,
        severity: alert.severity,
        state: alert.state,
        activeSince: alert.activeSince,
        summary: alert.summary,
        runbook: alert.runbook,
      })),
    };
  } catch (error) {
    const timedOut = error instanceof Error && error.name === 'TimeoutError';
    return {
      ok: false,
      error: timedOut
        ? `the alert evaluator did not answer within ${TIMEOUT_MS / 1000} s`
        : 'the alert evaluator is unreachable',
    };
  }
}

function isAlert(value: unknown): value is PlatformAlert {
  if (typeof value !== 'object' || value === null) return false;
  const alert = value as Record<string, unknown>;
  return (
    ['name', 'severity', 'activeSince', 'summary', 'runbook'].every(
      (key) => typeof alert[key] === 'string',
    ) &&
    (alert.state === 'pending' || alert.state === 'firing')
  );
}
