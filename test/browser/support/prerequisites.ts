/**
 * What the browser tests need on this machine. Missing pieces fail the run with the command that
 * provides them: the browser tests are never skipped silently.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isDashboardBuildCurrent } from '../../../apps/cli/src/dashboard-build.js';

export const CHROMIUM = '/usr/bin/chromium';
export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const CLI = `${ROOT}apps/cli/dist/main.js`;
const DASHBOARD_BUILD = `${ROOT}apps/dashboard/.next/BUILD_ID`;

/**
 * Throw one error naming every missing piece and what to run for it.
 * @example beforeAll(() => requireBrowserPrerequisites());
 */
export function requireBrowserPrerequisites(): void {
  const problems: string[] = [];
  if (!existsSync(CHROMIUM))
    problems.push(
      `${CHROMIUM} is missing: install Debian's Chromium (as root: DEBIAN_FRONTEND=noninteractive apt-get install -y chromium)`,
    );
  if (!existsSync(CLI)) problems.push(`${CLI} is missing: run npm run build`);
  if (!existsSync(DASHBOARD_BUILD))
    problems.push(
      `${DASHBOARD_BUILD} is missing: the dashboard is not built; run npm run build -w apps/dashboard`,
    );
  if (problems.length > 0)
    throw new Error(`The browser tests cannot run:\n- ${problems.join('\n- ')}`);
  if (!isDashboardBuildCurrent(`${ROOT}apps/dashboard`))
    process.stderr.write(
      'WARNING: the dashboard build is older than apps/dashboard/src; the browser tests run that older build (npm run build -w apps/dashboard).\n',
    );
}
