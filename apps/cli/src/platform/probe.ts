/** What one HTTP call to a component gave: an answer (any status), or why there was none. */
export type Probe<T = unknown> =
  { ok: true; status: number; body: T; text: string } | { ok: false; error: string };

export interface ProbeOptions {
  timeoutMs: number;
  headers?: Record<string, string>;
  method?: string;
  body?: string;
  fetchImpl?: typeof fetch;
}

/**
 * GET (or send) `url` and read the answer; never throws. The error says why there was no answer
 * in an operator's words (refused, timed out, DNS), never echoing headers (they may hold a key).
 * @example const health = await probe('http://127.0.0.1:1026/health', { timeoutMs: 5000 });
 */
export async function probe<T = unknown>(url: string, options: ProbeOptions): Promise<Probe<T>> {
  const fetchImpl = options.fetchImpl ?? fetch;
  try {
    const response = await fetchImpl(url, {
      method: options.method ?? 'GET',
      headers: options.headers,
      body: options.body,
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    const text = await response.text();
    let body: unknown = undefined;
    if ((response.headers.get('content-type') ?? '').includes('json') && text !== '') {
      try {
        body = JSON.parse(text);
      } catch {
        body = undefined;
      }
    }
    return { ok: true, status: response.status, body: body as T, text };
  } catch (error) {
    return { ok: false, error: describeFetchError(error, options.timeoutMs) };
  }
}

function describeFetchError(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError'))
    return `no answer within ${timeoutMs / 1000} s`;
  const cause = error instanceof Error ? (error.cause as { code?: string } | undefined) : undefined;
  switch (cause?.code) {
    case 'ECONNREFUSED':
      return 'connection refused (not running, or another port)';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'host name not found';
    case 'ECONNRESET':
      return 'connection reset';
    default:
      return cause?.code ?? (error instanceof Error ? error.message : String(error));
  }
}
