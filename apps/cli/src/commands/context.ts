import { formatProblems } from '@legocity/config';
import { readCliConfig, type CliConfig } from '../config.js';

/** Where a command writes (stdout for results, stderr for progress and errors) and its environment. */
export interface Output {
  out: (text: string) => void;
  err: (text: string) => void;
  env: NodeJS.ProcessEnv;
}

/** Exit codes: 0 fine, 1 something is wrong, 2 the command itself was used wrongly. */
export const EXIT = { ok: 0, problem: 1, usage: 2 } as const;

/**
 * The CLI's configuration, or undefined after printing every problem by variable name.
 * @example const config = loadCliConfig(output); if (!config) return EXIT.usage;
 */
export function loadCliConfig(output: Output): CliConfig | undefined {
  const result = readCliConfig(output.env);
  if (result.ok) return result.value;
  output.err(`legocity: the configuration is invalid:\n${formatProblems(result.problems)}\n`);
  return undefined;
}
