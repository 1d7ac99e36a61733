import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SeedPlan } from './seed-plan.js';

const UPDATERS = fileURLToPath(new URL('../../../updaters/dist/main.js', import.meta.url));

/** One source's outcome, from the update servers' final report line. */
export interface SeedSourceReport {
  id: string;
  totals: { created: number; updated: number; unchanged: number; rejected: number };
}

export interface SeedResult {
  code: number;
  sources: SeedSourceReport[];
  /** The update servers' warnings and errors (bad rows by line number, refused writes). */
  problems: string[];
}

/**
 * Run the update servers once for the plan (`LEGOCITY_UPDATERS_ONCE`), with a scratch data folder
 * for the outbox, and collect their report from the JSON log lines. Never prints a key.
 * @example const result = await runSeed(plan, { brokerUrl, env, onProblem: console.error });
 */
export async function runSeed(
  plan: SeedPlan,
  options: { brokerUrl: string; env: NodeJS.ProcessEnv; onProblem: (line: string) => void },
): Promise<SeedResult> {
  const dataDir = await mkdtemp(join(tmpdir(), 'legocity-seed-'));
  // The operator's settings for the running update servers do not apply to this run.
  const inherited = Object.fromEntries(
    Object.entries(options.env).filter(([name]) => !name.startsWith('LEGOCITY_UPDATERS_')),
  );
  const child = spawn(process.execPath, [UPDATERS], {
    env: {
      ...inherited,
      ...plan.env,
      LEGOCITY_UPDATERS_ONCE: 'true',
      LEGOCITY_UPDATERS_BROKER_URL: options.brokerUrl,
      LEGOCITY_UPDATERS_DATA_DIR: dataDir,
      LEGOCITY_UPDATERS_PORT: '0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const problems: string[] = [];
  let sources: SeedSourceReport[] = [];
  let pending = '';
  const onLine = (line: string) => {
    if (line.trim() === '') return;
    let entry: { severity?: string; msg?: string; report?: SeedSourceReport[] };
    try {
      entry = JSON.parse(line) as typeof entry;
    } catch {
      problems.push(line);
      options.onProblem(line);
      return;
    }
    if (Array.isArray(entry.report)) sources = entry.report;
    if (entry.severity === 'warn' || entry.severity === 'error' || entry.severity === 'fatal') {
      problems.push(entry.msg ?? line);
      options.onProblem(entry.msg ?? line);
    }
  };
  const read = (chunk: Buffer) => {
    const lines = (pending + chunk.toString()).split('\n');
    pending = lines.pop() ?? '';
    lines.forEach(onLine);
  };
  child.stdout.on('data', read);
  child.stderr.on('data', read);
  const code = await new Promise<number>((resolve) =>
    child.on('exit', (exit) => resolve(exit ?? 1)),
  );
  onLine(pending);
  await rm(dataDir, { recursive: true, force: true });
  return { code, sources, problems };
}
