import type { ConfigProblem } from './load-config.js';
import { messages } from './messages.js';

/**
 * The message a server prints when it refuses to start: one line per problem.
 * @example
 * formatProblems([{ variable: 'LEGOCITY_BROKER_PORT', message: 'must be an integer between 1 and 65535' }])
 * // 'Configuration is invalid:\n- LEGOCITY_BROKER_PORT: must be an integer between 1 and 65535'
 */
export function formatProblems(problems: readonly ConfigProblem[]): string {
  return [
    messages.header,
    ...problems.map(({ variable, message }) => `- ${variable}: ${message}`),
  ].join('\n');
}
