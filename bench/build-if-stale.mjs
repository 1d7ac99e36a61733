import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Source folders the broker's build reads, and where it writes. */
const SOURCES = ['apps/broker/src', ...packageFolders('src')];
const OUTPUTS = ['apps/broker/dist', ...packageFolders('dist')];

/**
 * Run `npm run build` when the broker's dist is missing or older than any source file, so the
 * run measures the code in the work tree. `tsc -b` only re-emits changed files, so "stale" means
 * the newest source is newer than the newest output.
 * @example buildIfStale('/work/main'); // true when it built
 */
export function buildIfStale(root) {
  const main = join(root, 'apps/broker/dist/main.js');
  const newestSource = Math.max(...SOURCES.map((folder) => newestMtime(join(root, folder), '.ts')));
  const newestOutput = Math.max(...OUTPUTS.map((folder) => newestMtime(join(root, folder))));
  if (existsSync(main) && newestOutput >= newestSource) return false;
  process.stderr.write('The broker build is missing or stale: npm run build\n');
  execFileSync('npm', ['run', 'build'], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  return true;
}

function packageFolders(sub) {
  return ['ngsi-ld', 'config', 'observability'].map((name) => `packages/${name}/${sub}`);
}

/** Newest modification time of the files under `folder` whose name ends with `suffix`. */
function newestMtime(folder, suffix = '') {
  if (!existsSync(folder)) return 0;
  let newest = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(path, suffix));
    else if (entry.name.endsWith(suffix)) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}
