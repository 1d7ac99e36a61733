import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Folders and files whose changes make the dashboard's production build stale. */
const SOURCES = ['src', 'next.config.ts', 'package.json'];

/**
 * Whether the dashboard has a production build (`.next/BUILD_ID`) newer than its sources.
 * @example isDashboardBuildCurrent('/repo/apps/dashboard') // false on a fresh clone
 */
export function isDashboardBuildCurrent(dashboardDir: string): boolean {
  const built = mtimeOf(join(dashboardDir, '.next', 'BUILD_ID'));
  if (built === undefined) return false;
  return SOURCES.every((source) => newestMtime(join(dashboardDir, source)) <= built);
}

/**
 * Builds the dashboard (`npm run build` in its folder: public assets, then `next build`) when it
 * has no build or an older one than its sources; the build's own progress is shown.
 * @example await ensureDashboardBuild(dashboardDir, (line) => console.error(line), process.env);
 */
export async function ensureDashboardBuild(
  dashboardDir: string,
  say: (line: string) => void,
  env: NodeJS.ProcessEnv,
): Promise<void> {
  if (isDashboardBuildCurrent(dashboardDir)) return;
  say('building the dashboard (first start or changed sources; about 2–3 minutes)…');
  const started = Date.now();
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn('npm', ['run', 'build'], {
      cwd: dashboardDir,
      env: { ...env, NEXT_TELEMETRY_DISABLED: '1' },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.on('error', reject);
    child.on('exit', resolve);
  });
  if (code !== 0) {
    throw new Error(
      `the dashboard build failed (exit ${code}); run \`npm run build -w apps/dashboard\` to see why`,
    );
  }
  say(`dashboard built in ${Math.round((Date.now() - started) / 1000)} s`);
}

function mtimeOf(path: string): number | undefined {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return undefined;
  }
}

/** The newest modification time of a file, or of any file below a folder. */
function newestMtime(path: string): number {
  let stats;
  try {
    stats = statSync(path);
  } catch {
    return 0;
  }
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}
