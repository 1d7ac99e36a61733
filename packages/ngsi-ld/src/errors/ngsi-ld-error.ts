import { ERROR_TYPES, errorTypeUri, type ErrorTypeName } from './error-types.js';

/** An RFC 7807 problem as NGSI-LD returns it (ETSI GS CIM 009 v1.8.1 §5.5.3). */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  /** Names the parameter, attribute or field at fault when there is one. */
  field?: string;
  /** Every problem found in the input, when there was more than one. */
  problems?: Problem[];
  [extension: string]: unknown;
}

/** One problem with an input: what is at fault (`field`) and which rule it breaks (`message`). */
export interface Problem {
  field: string;
  message: string;
}

/**
 * An expected failure of an NGSI-LD operation. Operations return or throw it; one handler per
 * transport turns it into a response.
 * @example throw new NgsiLdError('ResourceNotFound', 'Entity urn:ngsi-ld:Device:001 does not exist')
 */
export class NgsiLdError extends Error {
  readonly errorType: ErrorTypeName;
  readonly field: string | undefined;
  readonly problems: readonly Problem[];
  readonly extra: Record<string, unknown>;

  constructor(
    errorType: ErrorTypeName,
    detail: string,
    options: {
      field?: string;
      problems?: readonly Problem[];
      extra?: Record<string, unknown>;
    } = {},
  ) {
    super(detail);
    this.name = 'NgsiLdError';
    this.errorType = errorType;
    this.field = options.field;
    this.problems = options.problems ?? [];
    this.extra = options.extra ?? {};
  }

  get status(): number {
    return ERROR_TYPES[this.errorType].status;
  }

  /**
   * Build one error from a list of problems: the detail names the first, `problems` lists all.
   * @example NgsiLdError.fromProblems('BadRequestData', [{ field: 'id', message: 'must be a URI' }])
   */
  static fromProblems(errorType: ErrorTypeName, problems: readonly Problem[]): NgsiLdError {
    const first = problems[0] ?? { field: '', message: 'is invalid' };
    const detail =
      problems.length === 1
        ? describeProblem(first)
        : `${problems.length} problems: ${problems.map(describeProblem).join('; ')}`;
    return new NgsiLdError(errorType, detail, { field: first.field, problems });
  }

  toProblemDetails(): ProblemDetails {
    const body: ProblemDetails = {
      type: errorTypeUri(this.errorType),
      title: ERROR_TYPES[this.errorType].title,
      status: this.status,
      detail: this.message,
      ...this.extra,
    };
    if (this.field !== undefined) body.field = this.field;
    if (this.problems.length > 1) body.problems = [...this.problems];
    return body;
  }
}

/** "Attribute 'temperature' ..." style sentence for one problem. */
export function describeProblem(problem: Problem): string {
  return problem.field ? `${problem.field}: ${problem.message}` : problem.message;
}

export function isNgsiLdError(value: unknown): value is NgsiLdError {
  return value instanceof NgsiLdError;
}
