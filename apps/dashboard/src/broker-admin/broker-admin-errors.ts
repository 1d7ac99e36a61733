import { describeProblem, type Problem, type ProblemDetails } from '@legocity/ngsi-ld';

/** Every way a broker admin request can fail, each with one status and title (the one table). */
export const BROKER_ADMIN_PROBLEMS = {
  InvalidRequest: { status: 400, title: 'invalid request' },
  NotSignedIn: { status: 401, title: 'not signed in' },
  Forbidden: { status: 403, title: 'forbidden' },
  UnknownBroker: { status: 404, title: 'unknown broker' },
  UnknownKey: { status: 404, title: 'unknown key' },
  NotUpdateServerKey: { status: 409, title: 'not an update-server key' },
  KeyRevoked: { status: 409, title: 'key revoked' },
  BrokerNotConfigured: { status: 409, title: 'broker not configured' },
  InternalError: { status: 500, title: 'internal error' },
  BrokerRefused: { status: 502, title: 'broker refused' },
  BrokerUnreachable: { status: 502, title: 'broker unreachable' },
  BrokerTimeout: { status: 504, title: 'broker timeout' },
} as const satisfies Record<string, { status: number; title: string }>;

export type BrokerAdminProblemKind = keyof typeof BROKER_ADMIN_PROBLEMS;

const PROBLEM_TYPES = 'https://legocity.dev/errors/';

/**
 * An expected failure of a broker admin operation. Its message goes to the admin's browser, so
 * it never holds a key (callers pass broker text through `redactKeys` first).
 * @example throw new BrokerAdminError('UnknownBroker', 'Broker 7 does not exist')
 */
export class BrokerAdminError extends Error {
  readonly kind: BrokerAdminProblemKind;
  readonly problems: readonly Problem[];

  constructor(kind: BrokerAdminProblemKind, detail: string, problems: readonly Problem[] = []) {
    super(detail);
    this.name = 'BrokerAdminError';
    this.kind = kind;
    this.problems = problems;
  }

  get status(): number {
    return BROKER_ADMIN_PROBLEMS[this.kind].status;
  }
}

/**
 * A 400 listing every problem of the request, each as "field: rule".
 * @example throw invalidRequest([{ field: 'name', message: 'is required' }])
 */
export function invalidRequest(problems: readonly Problem[]): BrokerAdminError {
  return new BrokerAdminError('InvalidRequest', problems.map(describeProblem).join('; '), problems);
}

/**
 * The one place an error becomes the JSON an admin sees. Anything unexpected is a bare 500
 * (log the error itself next to it, never in the answer).
 * @example const problem = problemFromError(error); return Response.json(problem, { status: problem.status });
 */
export function problemFromError(error: unknown): ProblemDetails {
  const known =
    error instanceof BrokerAdminError
      ? error
      : new BrokerAdminError('InternalError', 'The request failed; see the server log');
  const { status, title } = BROKER_ADMIN_PROBLEMS[known.kind];
  const problem: ProblemDetails = {
    type: `${PROBLEM_TYPES}${known.kind}`,
    title,
    status,
    detail: known.message,
  };
  if (known.problems.length > 0) problem.problems = [...known.problems];
  return problem;
}

// A LegoCity API key as the broker issues it: lgc_<16 hex>_<base64url secret>.
const API_KEY_TEXT = /lgc_[0-9a-f]{16}_[A-Za-z0-9_-]+/g;

/**
 * Text from a broker made safe to show: every LegoCity key, and each given secret, is masked.
 * @example redactKeys(detail, [keys.adminKey]) // 'key lgc_9f2c…_[redacted] is …'
 */
export function redactKeys(text: string, secrets: readonly (string | undefined)[] = []): string {
  let safe = text;
  for (const secret of secrets) {
    if (secret !== undefined && secret !== '') safe = safe.split(secret).join('[redacted]');
  }
  return safe.replace(API_KEY_TEXT, (key) => `${key.slice(0, 20)}_[redacted]`);
}
