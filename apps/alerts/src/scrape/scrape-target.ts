import { maskUrlPasswords } from '@legocity/observability';
import { messages } from '../messages.js';
import { parseMetricsText, type ParsedSample } from '@legocity/observability';
import type { Target } from './targets.js';

export type ScrapeResult = { ok: true; samples: ParsedSample[] } | { ok: false; error: string };

export interface ScrapeOptions {
  timeoutMs: number;
  fetch?: typeof fetch;
}

/**
 * Reads a target's /metrics. Never throws: a refused connection, a timeout, a non-200 answer or
 * unreadable text is a failed scrape with one short reason (no URL password in it).
 * @example const result = await scrapeTarget(targetOf('broker', 'http://127.0.0.1:1026'), { timeoutMs: 5000 });
 */
export async function scrapeTarget(target: Target, options: ScrapeOptions): Promise<ScrapeResult> {
  const doFetch = options.fetch ?? fetch;
  try {
    const response = await doFetch(new URL('/metrics', target.url), {
      signal: AbortSignal.timeout(options.timeoutMs),
      headers: { accept: 'text/plain;version=0.0.4' },
    });
    const text = await response.text();
    if (response.status !== 200)
      return { ok: false, error: messages.scrapeStatus(response.status) };
    const parsed = parseMetricsText(text);
    return parsed.ok
      ? { ok: true, samples: parsed.value.samples }
      : { ok: false, error: parsed.error };
  } catch (error) {
    return { ok: false, error: describeFailure(error, options.timeoutMs) };
  }
}

function describeFailure(error: unknown, timeoutMs: number): string {
  const failure = error as { name?: string; code?: string; cause?: { code?: string } } | null;
  if (failure?.name === 'TimeoutError' || failure?.name === 'AbortError') {
    return messages.scrapeTimedOut(timeoutMs);
  }
  const code = failure?.cause?.code ?? failure?.code;
  if (code === 'ECONNREFUSED') return messages.scrapeRefused();
  if (typeof code === 'string') return messages.scrapeFailed(code);
  return maskUrlPasswords(error instanceof Error ? error.message : String(error));
}
