import type { Problem } from '../errors/ngsi-ld-error.js';

/** Problems that mean "asks too much" start with this, whatever the parameter. */
export const TOO_COMPLEX = 'is too complex: ';

/**
 * Whether the problems of a query mean it asks too much (TooComplexQuery, 403) rather than
 * being malformed (BadRequestData, 400). ETSI GS CIM 009 v1.8.1 §5.5.2 (error types).
 * @example
 * if (!parsed.ok) {
 *   const type = isTooComplexQuery(parsed.problems) ? 'TooComplexQuery' : 'BadRequestData';
 *   throw NgsiLdError.fromProblems(type, parsed.problems);
 * }
 */
export function isTooComplexQuery(problems: readonly Problem[]): boolean {
  return problems.some((problem) => problem.message.startsWith(TOO_COMPLEX));
}
