/**
 * Every message this package writes (STYLE.md habit 5): subject + verb + context. They name the
 * method and the URL path only: never a query string, a header or an option value, which may hold
 * secrets (tokens, API keys in URLs).
 */

/** "POST /ngsi-ld/v1/entities" */
export type RequestLine = { method: string; path: string };

function line(request: RequestLine): string {
  return `${request.method} ${request.path}`;
}

function afterAttempts(attempts: number): string {
  return attempts > 1 ? ` (after ${attempts} attempts)` : '';
}

export const messages = {
  /**
   * "POST /ngsi-ld/v1/entities failed: 409 AlreadyExists — Entity urn:ngsi-ld:X:1 already exists",
   * or "GET /ngsi-ld/v1/types failed: 502 Bad Gateway" when the body was no ProblemDetails.
   */
  httpFailure(
    request: RequestLine,
    failure: { status: number; errorType?: string; text?: string; attempts: number },
  ): string {
    const { status, errorType, text } = failure;
    const what = errorType
      ? `${status} ${errorType}${text ? ` — ${text}` : ''}`
      : `${status}${text ? ` ${text}` : ''}`;
    return `${line(request)} failed: ${what}${afterAttempts(failure.attempts)}`;
  },

  timeout(request: RequestLine, timeoutMs: number, attempts: number): string {
    return `${line(request)} failed: no response within ${timeoutMs} ms${afterAttempts(attempts)}`;
  },

  network(request: RequestLine, reason: string, attempts: number): string {
    return `${line(request)} failed: no response (${reason})${afterAttempts(attempts)}`;
  },

  unhealthy(request: RequestLine, status: number): string {
    return `${line(request)} answered ${status}`;
  },

  unexpectedBody(request: RequestLine, status: number, expected: string): string {
    return `${line(request)} answered ${status} but the body is not ${expected}`;
  },

  invalidOptions(problems: readonly string[]): string {
    return `Broker client options are invalid: ${problems.join('; ')}`;
  },

  invalidPageSize(): string {
    return 'pageSize must be a positive integer';
  },

  mixedBatchContexts(): string {
    return 'Entities of a batch must all carry "@context" or none of them (ETSI GS CIM 009 §6.3.5)';
  },
} as const;
