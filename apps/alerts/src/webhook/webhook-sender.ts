import { setTimeout as delay } from 'node:timers/promises';
import type { Logger } from '@legocity/observability';
import type { MessageKind } from '../alerts-metrics.js';
import { messages } from '../messages.js';
import type { WebhookMessage } from './alertmanager-message.js';

export interface WebhookSenderOptions {
  /** Secret: may carry a token. Never logged, never in an error. */
  url: string;
  logger: Pick<Logger, 'info' | 'warn' | 'error'>;
  /** Counts deliveries, failed attempts and drops. */
  record: {
    delivered(kind: MessageKind, timeMs: number): void;
    failed(kind: MessageKind): void;
    dropped(kind: MessageKind): void;
  };
  fetch?: typeof fetch;
  /** Time one POST may take; default 10 s. */
  timeoutMs?: number;
  /** First retry delay, doubled per failure up to `maxBackoffMs`; defaults 1 s and 5 min. */
  initialBackoffMs?: number;
  maxBackoffMs?: number;
  /** Oldest messages are dropped past this many waiting; default 1000. */
  maxQueue?: number;
  /** Waits between retries; tests pass one that returns at once. Must end when `signal` aborts. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  now?: () => number;
}

interface Queued {
  kind: MessageKind;
  message: WebhookMessage;
  attempts: number;
}

/**
 * Delivers webhook messages one at a time, in order, retrying a failed POST (network error, 5xx,
 * 408, 429) with exponential backoff until it is delivered; a 4xx refusal is logged and dropped.
 * A heartbeat waiting behind a dead receiver is replaced by the newer one, not queued twice.
 * The drain loop is one tracked promise: `close()` waits for it (up to a deadline), none is dropped.
 * @example
 * const sender = new WebhookSender({ url, logger, record: metrics });
 * sender.send('firing', stateChangeMessage(transition, externalUrl));
 * await sender.close(5_000);
 */
export class WebhookSender {
  private readonly queue: Queued[] = [];
  private draining: Promise<void> | undefined;
  private readonly stop = new AbortController();
  /** Aborts the backoff wait in progress (shutdown retries at once). */
  private waiting: AbortController | undefined;
  private isClosing = false;
  private isPosting = false;

  private readonly target: { url: string; headers: Record<string, string> };

  constructor(private readonly options: WebhookSenderOptions) {
    this.target = splitCredentials(options.url);
  }

  /** Messages waiting (including the one being sent). */
  get pending(): number {
    return this.queue.length;
  }

  send(kind: MessageKind, message: WebhookMessage): void {
    if (this.isClosing) return;
    if (kind === 'heartbeat') {
      const waiting = this.queue.findIndex((item, index) => index > 0 && item.kind === kind);
      if (waiting >= 0) this.queue.splice(waiting, 1);
    }
    this.queue.push({ kind, message, attempts: 0 });
    const max = this.options.maxQueue ?? 1000;
    while (this.queue.length > max) {
      const dropped = this.queue.splice(1, 1)[0];
      if (dropped) this.options.record.dropped(dropped.kind);
      this.options.logger.error({ kind: dropped?.kind }, messages.webhookQueueFull(max));
    }
    this.draining ??= this.drain().finally(() => {
      this.draining = undefined;
    });
  }

  /** Resolves when every queued message is delivered or dropped (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.draining) await this.draining;
  }

  /**
   * Stops taking messages, drops waiting heartbeats (a newer one comes with the next start),
   * retries the rest at once and then every 500 ms for up to `deadlineMs`, then stops.
   * @returns how many messages were not delivered.
   */
  async close(deadlineMs: number): Promise<number> {
    this.isClosing = true;
    const firstDroppable = this.isPosting ? 1 : 0;
    for (let index = this.queue.length - 1; index >= firstDroppable; index -= 1) {
      if (this.queue[index]?.kind === 'heartbeat') this.queue.splice(index, 1);
    }
    this.waiting?.abort();
    const timer = setTimeout(() => this.stop.abort(), deadlineMs);
    try {
      await this.idle();
    } finally {
      clearTimeout(timer);
      this.stop.abort();
    }
    return this.queue.length;
  }

  private async drain(): Promise<void> {
    const now = this.options.now ?? Date.now;
    const sleep = this.options.sleep ?? sleepUnlessAborted;
    for (let item = this.queue[0]; item && !this.stop.signal.aborted; item = this.queue[0]) {
      this.isPosting = true;
      const outcome = await this.post(item.message);
      this.isPosting = false;
      if (outcome.ok) {
        this.queue.shift();
        this.options.record.delivered(item.kind, now());
        if (item.attempts > 0)
          this.options.logger.info({ kind: item.kind }, messages.webhookRecovered());
        continue;
      }
      this.options.record.failed(item.kind);
      if (outcome.isPermanent) {
        this.queue.shift();
        this.options.record.dropped(item.kind);
        this.options.logger.error(
          { kind: item.kind, reason: outcome.reason },
          messages.webhookRefused(),
        );
        continue;
      }
      item.attempts += 1;
      const backoffMs = Math.min(
        this.options.maxBackoffMs ?? 300_000,
        (this.options.initialBackoffMs ?? 1_000) * 2 ** (item.attempts - 1),
      );
      const waitMs = this.isClosing ? Math.min(backoffMs, 500) : backoffMs;
      this.options.logger.warn(
        { kind: item.kind, reason: outcome.reason, attempt: item.attempts, retryInMs: waitMs },
        messages.webhookFailed(),
      );
      this.waiting = new AbortController();
      await sleep(waitMs, AbortSignal.any([this.stop.signal, this.waiting.signal]));
      this.waiting = undefined;
    }
  }

  private async post(
    message: WebhookMessage,
  ): Promise<{ ok: true } | { ok: false; isPermanent: boolean; reason: string }> {
    const doFetch = this.options.fetch ?? fetch;
    const timeout = AbortSignal.timeout(this.options.timeoutMs ?? 10_000);
    try {
      const response = await doFetch(this.target.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...this.target.headers },
        body: JSON.stringify(message),
        signal: AbortSignal.any([timeout, this.stop.signal]),
      });
      await response.arrayBuffer().catch(() => undefined);
      if (response.ok) return { ok: true };
      const status = response.status;
      const isRetryable = status >= 500 || status === 408 || status === 429;
      return { ok: false, isPermanent: !isRetryable, reason: `HTTP ${status}` };
    } catch (error) {
      // Only a code or a class of failure: fetch errors can quote the URL, which may hold a token.
      return { ok: false, isPermanent: false, reason: failureReason(error) };
    }
  }
}

/**
 * fetch refuses URLs with `user:password@`; receivers behind basic auth are common, so the
 * credentials move to an Authorization header.
 */
function splitCredentials(url: string): { url: string; headers: Record<string, string> } {
  const parsed = new URL(url);
  if (parsed.username === '' && parsed.password === '') return { url, headers: {} };
  const user = decodeURIComponent(parsed.username);
  const password = decodeURIComponent(parsed.password);
  parsed.username = '';
  parsed.password = '';
  const basic = Buffer.from(`${user}:${password}`).toString('base64');
  return { url: parsed.toString(), headers: { authorization: `Basic ${basic}` } };
}

function failureReason(error: unknown): string {
  const failure = error as { name?: string; code?: string; cause?: { code?: string } } | null;
  if (failure?.name === 'TimeoutError') return 'timeout';
  if (failure?.name === 'AbortError') return 'aborted';
  const code = failure?.cause?.code ?? failure?.code;
  return typeof code === 'string' ? code : 'network error';
}

async function sleepUnlessAborted(ms: number, signal: AbortSignal): Promise<void> {
  await delay(ms, undefined, { signal }).catch(() => undefined);
}
