import { isBrokerError } from '@legocity/broker-client';
import { describeProblem, type Problem, type ProblemDetails } from '@legocity/ngsi-ld';

/** Every way a read-proxy request can fail, each with one status and title (the one table). */
export const PROXY_PROBLEMS = {
  InvalidRequest: { status: 400, title: 'invalid request' },
  NotificationRefused: { status: 401, title: 'notification refused' },
  UnknownLayer: { status: 404, title: 'unknown layer' },
  UnknownBlock: { status: 404, title: 'unknown block' },
  UnknownEntity: { status: 404, title: 'unknown entity' },
  TooManyRequests: { status: 429, title: 'too many requests' },
  InternalError: { status: 500, title: 'internal error' },
  BrokerUnreachable: { status: 502, title: 'broker unreachable' },
  BrokerFailed: { status: 502, title: 'broker error' },
  BrokerRefused: { status: 502, title: 'broker refused the query' },
  LiveUnavailable: { status: 503, title: 'live updates unavailable' },
  BrokerTimeout: { status: 504, title: 'broker timeout' },
} as const satisfies Record<string, { status: number; title: string }>;

export type ProxyProblemKind = keyof typeof PROXY_PROBLEMS;

const PROBLEM_TYPES = 'https://legocity.dev/errors/';

/** A proxy answer's error body: RFC 7807 ProblemDetails, free of broker URLs and keys. */
export interface ProxyProblem extends ProblemDetails {
  /** Seconds to wait, for 429. */
  retryAfter?: number;
}

/**
 * An expected failure of the proxy, thrown by its operations and turned into a response in one
 * place (problemFromError). Its detail is shown to the browser, so it never holds a URL or key.
 * @example throw new ProxyError('UnknownLayer', "Layer 'air' does not exist")
 */
export class ProxyError extends Error {
  readonly kind: ProxyProblemKind;
  readonly problems: readonly Problem[];
  readonly retryAfter: number | undefined;

  constructor(
    kind: ProxyProblemKind,
    detail: string,
    extra: { problems?: readonly Problem[]; retryAfter?: number } = {},
  ) {
    super(detail);
    this.name = 'ProxyError';
    this.kind = kind;
    this.problems = extra.problems ?? [];
    this.retryAfter = extra.retryAfter;
  }
}

/**
 * A 400 listing every problem of the browser's parameters, each as "field: rule".
 * @example invalidRequest([{ field: 'bbox', message: 'must be 4 numbers …' }])
 */
export function invalidRequest(problems: readonly Problem[]): ProxyError {
  return new ProxyError('InvalidRequest', problems.map(describeProblem).join('; '), { problems });
}

/**
 * The one place an error becomes the JSON the browser sees. Broker failures are described by
 * kind only (never the broker's URL, key, path or message); anything unexpected is a bare 500 —
 * log the error itself next to it.
 * @example const problem = problemFromError(error); reply(problem.status, problem);
 */
export function problemFromError(error: unknown): ProxyProblem {
  if (error instanceof ProxyError) {
    const problem = problemOf(error.kind, error.message);
    if (error.problems.length > 0) problem.problems = [...error.problems];
    if (error.retryAfter !== undefined) problem.retryAfter = error.retryAfter;
    return problem;
  }
  if (isBrokerError(error)) {
    if (error.reason === 'network')
      return problemOf('BrokerUnreachable', 'The data source cannot be reached; try again later');
    if (error.reason === 'timeout')
      return problemOf('BrokerTimeout', 'The data source did not answer in time; try again later');
    if (
      error.reason === 'http' &&
      error.status >= 400 &&
      error.status < 500 &&
      error.status !== 429
    )
      return problemOf(
        'BrokerRefused',
        `The data source refused this layer's query (status ${error.status}); an administrator should check the layer and its broker key`,
      );
    return problemOf('BrokerFailed', 'The data source failed to answer; try again later');
  }
  return problemOf('InternalError', 'The request failed unexpectedly; it has been logged');
}

/** A ProblemDetails for a kind and a detail that is safe to show. */
export function problemOf(kind: ProxyProblemKind, detail: string): ProxyProblem {
  const { status, title } = PROXY_PROBLEMS[kind];
  return { type: PROBLEM_TYPES + kind, title, status, detail };
}
