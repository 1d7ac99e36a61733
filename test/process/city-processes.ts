/**
 * Start LegoCity components from their builds the way an operator does, for process tests:
 * `legocity up` (the demo city), a lone broker, a lone dashboard (`next start`). Each is stopped
 * by its pid.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const root = (path: string) => new URL(`../../${path}`, import.meta.url).pathname;
export const CLI = root('apps/cli/dist/main.js');
export const BROKER = root('apps/broker/dist/main.js');
export const DASHBOARD_DIR = root('apps/dashboard');
export const DASHBOARD_BUILD = root('apps/dashboard/.next/BUILD_ID');

export interface Running {
  child: ChildProcess;
  output: () => string;
  /** SIGTERM (or the signal given), then SIGKILL after 30 s; resolves with the exit code. */
  stop: (signal?: NodeJS.Signals) => Promise<number | null>;
}

/** Spawn `node <script> …args` with these variables on top of this process's. */
export function start(
  script: string,
  args: string[],
  env: Record<string, string>,
  cwd?: string,
): Running {
  const child = spawn(process.execPath, [script, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(cwd && { cwd }),
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  return {
    child,
    output: () => output,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      child.kill(signal);
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}

/** A lone dashboard (`next start`) on a port, demo seed off. */
export function startDashboard(port: string, env: Record<string, string>): Running {
  const next = createRequire(join(DASHBOARD_DIR, 'package.json')).resolve('next/dist/bin/next');
  return start(
    next,
    ['start', '-p', port, '-H', '127.0.0.1'],
    {
      NEXT_TELEMETRY_DISABLED: '1',
      LEGOCITY_DASHBOARD_DEMO: 'false',
      LEGOCITY_DASHBOARD_PORT: port,
      ...env,
    },
    DASHBOARD_DIR,
  );
}

/** Wait for a condition, failing with the output so far. */
export async function until(
  condition: () => boolean | Promise<boolean>,
  timeoutMs: number,
  describe: () => string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (
      await Promise.resolve()
        .then(condition)
        .catch(() => false)
    )
      return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`timed out; output so far:\n${describe().slice(-4000)}`);
}

/** Whether a URL answers 200. */
export const answers = (url: string): Promise<boolean> =>
  fetch(url).then(
    async (response) => (await response.arrayBuffer(), response.ok),
    () => false,
  );

/** Run `legocity <args>` from its build; resolves with its exit code and outputs. */
export async function legocity(
  args: string[],
  env: Record<string, string>,
  cwd: string,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [CLI, ...args], {
    env: { ...process.env, ...env },
    cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { code, stdout, stderr };
}
