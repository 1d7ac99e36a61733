/**
 * Run `legocity <command>` from its sources (node + tsx), the way process tests drive the CLI.
 */
import { spawn } from 'node:child_process';

const MAIN = new URL('../../apps/cli/src/main.ts', import.meta.url).pathname;
// Absolute, so the CLI can run in any folder (`--import tsx` resolves from the working folder).
const TSX = new URL('../../node_modules/tsx/dist/loader.mjs', import.meta.url).href;

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Run the CLI with these arguments and environment variables (on top of this process's). */
export function runCli(args: string[], env: Record<string, string>, cwd?: string): Promise<CliRun> {
  const child = spawn(process.execPath, ['--conditions=source', '--import', TSX, MAIN, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(cwd && { cwd }),
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stdout, stderr })));
}
