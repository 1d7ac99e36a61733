import { problemFromError, type ProxyResponse } from '../proxy/index.js';

/** Cache-Control of an answer: public views may be shared by caches for a few seconds. */
export function cacheControl(isPublic: boolean): string {
  return isPublic ? 'public, max-age=5' : 'private, no-store';
}

/** A JSON answer. */
export function jsonResponse(
  body: unknown,
  { status = 200, headers = {} }: { status?: number; headers?: Record<string, string> } = {},
): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

/** The proxy's framework-neutral answer as a Response. */
export function fromProxyResponse(answer: ProxyResponse, headers: Record<string, string> = {}) {
  return new Response(JSON.stringify(answer.body), {
    status: answer.status,
    headers: { ...answer.headers, ...headers },
  });
}

/**
 * Any failure as a ProblemDetails answer (never a URL or key; unexpected errors are a bare 500,
 * their cause goes to `onError`).
 * @example catch (error) { return problemResponse(error, context.onError); }
 */
export function problemResponse(
  error: unknown,
  onError?: (error: unknown, status: number) => void,
): Response {
  const problem = problemFromError(error);
  onError?.(error, problem.status);
  const headers: Record<string, string> = {
    'content-type': 'application/problem+json',
    'cache-control': 'no-store',
  };
  if (problem.retryAfter !== undefined) headers['retry-after'] = String(problem.retryAfter);
  return new Response(JSON.stringify(problem), { status: problem.status, headers });
}

/**
 * The client a request comes from, for the per-client rate limit: the address the nearest
 * proxy (Next's own server) appended to X-Forwarded-For, else 'unknown'.
 */
export function clientOf(request: Request): string {
  const forwarded = request.headers.get('x-forwarded-for');
  const last = forwarded?.split(',').at(-1)?.trim();
  return last && last.length <= 64 ? last : 'unknown';
}
