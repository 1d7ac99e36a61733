import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isDashboardBuildCurrent } from './dashboard-build.js';

function dashboardFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'legocity-dashboard-build-'));
  mkdirSync(join(folder, 'src', 'app'), { recursive: true });
  writeFileSync(join(folder, 'src', 'app', 'page.tsx'), 'export {}');
  writeFileSync(join(folder, 'package.json'), '{}');
  return folder;
}

const at = (path: string, seconds: number) => utimesSync(path, seconds, seconds);

describe('isDashboardBuildCurrent', () => {
  it('is false without a build', () => {
    expect(isDashboardBuildCurrent(dashboardFolder())).toBe(false);
  });

  it('is true when the build is newer than every source, false once a source changes', () => {
    const folder = dashboardFolder();
    mkdirSync(join(folder, '.next'));
    const buildId = join(folder, '.next', 'BUILD_ID');
    writeFileSync(buildId, 'x');
    at(join(folder, 'src', 'app', 'page.tsx'), 1_000);
    at(join(folder, 'package.json'), 1_000);
    at(buildId, 2_000);
    expect(isDashboardBuildCurrent(folder)).toBe(true);
    at(join(folder, 'src', 'app', 'page.tsx'), 3_000);
    expect(isDashboardBuildCurrent(folder)).toBe(false);
  });
});
