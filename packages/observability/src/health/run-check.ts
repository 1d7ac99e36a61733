import { maskUrlPasswords } from '../mask-url-passwords.js';
import { messages } from '../messages.js';

/** A dependency probe: the database answers, the broker is reachable, MQTT is connected. */
export interface HealthCheck {
  name: string;
  /** A failing critical check fails readiness; a non-critical one is only reported. */
  critical: boolean;
  /** Default 2000 ms: well under a Kubernetes probe's own timeout. */
  timeoutMs?: number;
  /** `signal` aborts when the check times out, so a query can be cancelled, not left running. */
  run: (context: { signal: AbortSignal }) => Promise<{ ok: boolean; detail?: string }>;
}

export interface CheckResult {
  ok: boolean;
  critical: boolean;
  durationMs: number;
  detail?: string;
}

export const DEFAULT_CHECK_TIMEOUT_MS = 2_000;
// /health is read by people and tools; a stack trace or a query there helps nobody.
const MAX_DETAIL_LENGTH = 200;

/**
 * Runs one check within its timeout. Never throws: a thrown error, a rejection or a timeout is
 * a failed check whose detail is one short line without URL passwords.
 * @example await runCheck({ name: 'database', critical: true, run: () => db.ping() }, performance.now)
 */
export async function runCheck(check: HealthCheck, now: () => number): Promise<CheckResult> {
  const timeoutMs = check.timeoutMs ?? DEFAULT_CHECK_TIMEOUT_MS;
  const controller = new AbortController();
  const startedAt = now();
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<{ ok: false; detail: string }>((resolve) => {
    timer = setTimeout(() => {
      controller.abort(new Error(messages.checkTimedOut(timeoutMs)));
      resolve({ ok: false, detail: messages.checkTimedOut(timeoutMs) });
    }, timeoutMs);
    // A probe must never be what keeps a draining process alive.
    timer.unref();
  });

  let outcome: { ok: boolean; detail?: string | undefined };
  try {
    // Promise.resolve().then: a check that throws synchronously is caught like a rejection.
    const running = Promise.resolve().then(() => check.run({ signal: controller.signal }));
    const result = await Promise.race([running, timedOut]);
    outcome =
      typeof result === 'object' && result !== null
        ? { ok: result.ok === true, detail: result.detail }
        : { ok: false, detail: messages.checkReturnedNothing() };
  } catch (error) {
    outcome = { ok: false, detail: describeFailure(error) };
  } finally {
    clearTimeout(timer);
  }

  const result: CheckResult = {
    ok: outcome.ok,
    critical: check.critical,
    durationMs: Math.round(now() - startedAt),
  };
  if (outcome.detail !== undefined) result.detail = sanitizeDetail(outcome.detail);
  return result;
}

/**
 * One line, at most 200 characters, URL passwords masked.
 * @example sanitizeDetail('boom\n    at x.js:1') // 'boom'
 */
export function sanitizeDetail(detail: string): string {
  const line = maskUrlPasswords(detail.split(/\r?\n/, 1)[0] ?? '').trim();
  return line.length > MAX_DETAIL_LENGTH ? `${line.slice(0, MAX_DETAIL_LENGTH - 1)}…` : line;
}

function describeFailure(error: unknown): string {
  if (!(error instanceof Error)) return typeof error === 'string' ? error : 'check failed';
  const code = (error as { code?: unknown }).code;
  // Node reports a refused dual-stack connect as an AggregateError with an empty message.
  if (error.message !== '') return error.message;
  return typeof code === 'string' ? code : error.name;
}
