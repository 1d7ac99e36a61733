import { mkdir, mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { totalEntities } from '../../backup/build-manifest.js';
import { removeFolder } from '../../backup/remove-folder.js';
import { secretPath } from '../../backup/copy-secrets.js';
import type { Manifest } from '../../backup/manifest.js';
import type { Progress } from '../../backup/progress.js';
import { openArchive } from '../open-archive.js';
import { brokerChecks } from './broker-checks.js';
import { adminLogin } from './cms-session.js';
import { countsCheck } from './counts-check.js';
import { fail, pass, type DrillCheck } from './drill-report.js';
import {
  scratchAdminKey,
  startScratchBroker,
  startScratchDashboard,
} from './scratch-components.js';
import { prepareScratchCms } from './scratch-cms.js';
import type { ScratchDatabase } from './scratch-database.js';
import type { ScratchProcess } from './scratch-process.js';
import { viewChecks } from './view-checks.js';

export interface DrillOptions {
  archive: string;
  adminEmail: string;
  /** Default: the archive's secrets/admin-password. */
  adminPasswordFile?: string | undefined;
  /** The CMS's PostgreSQL server, where a scratch database is made for a PostgreSQL backup. */
  postgresUrl?: string | undefined;
  progress: Progress;
  env: NodeJS.ProcessEnv;
  signal?: AbortSignal;
}

export interface DrillResult {
  manifest?: Manifest;
  checks: DrillCheck[];
  notes: string[];
}

/**
 * The restore drill: restore an archive into a scratch environment (a temporary folder, a scratch
 * broker on PGlite, the CMS copy — a scratch PostgreSQL database for a PostgreSQL backup — and a
 * scratch dashboard), check it against the manifest and through the CMS, then tear it all down
 * (processes stopped by pid, folder removed, database dropped), even when a check or a step fails.
 * @example const { checks } = await runDrill({ archive, adminEmail: 'admin@legocity.local', progress, env });
 */
export async function runDrill(options: DrillOptions): Promise<DrillResult> {
  const { progress } = options;
  const result: DrillResult = { checks: [], notes: [] };
  const folder = await mkdtemp(join(tmpdir(), 'legocity-verify-'));
  const processes: ScratchProcess[] = [];
  let database: ScratchDatabase | undefined;
  try {
    progress.stage(`checking ${basename(options.archive)}…`);
    const extracted = join(folder, 'archive');
    await mkdir(extracted, { mode: 0o700 });
    const { manifest } = await openArchive(options.archive, extracted);
    result.manifest = manifest;
    result.checks.push(
      pass('archive', `${manifest.files.length} files; sizes and SHA-256 match the manifest`),
    );
    const adminKey = scratchAdminKey();
    progress.stage('starting a scratch broker (embedded PGlite)…');
    const broker = await startScratchBroker({
      folder,
      adminKey,
      env: options.env,
      signal: options.signal,
    });
    processes.push(broker.process);
    progress.stage(
      `restoring the broker dump into it (${totalEntities(manifest.broker.summary)} entities)…`,
    );
    const brokerResult = await brokerChecks({
      brokerUrl: broker.url,
      adminKey,
      extracted,
      manifest,
    });
    result.checks.push(...brokerResult.checks);
    result.notes.push(...brokerResult.notes);
    progress.stage(`preparing the CMS copy (${manifest.cms.driver})…`);
    const cms = await prepareScratchCms({
      folder,
      extracted,
      manifest,
      brokerUrl: broker.url,
      postgresUrl: options.postgresUrl,
      env: options.env,
      progress,
      track: (scratch) => (database = scratch),
    });
    result.notes.push(...cms.notes);
    progress.stage('starting a scratch dashboard (next start; it runs its migrations)…');
    const dashboard = await startScratchDashboard({
      folder,
      brokerUrl: broker.url,
      databaseUrl: cms.databaseUrl,
      env: options.env,
      signal: options.signal,
    });
    processes.push(dashboard.process);
    progress.stage('checking the CMS: admin login, pages, map views, layers, counts…');
    const password = await readPassword(options, extracted, manifest);
    const login = await adminLogin(dashboard.url, options.adminEmail, password);
    result.checks.push(login.check);
    if (login.session) {
      const views = await viewChecks(
        login.session,
        new Set(cms.repointed),
        manifest.broker.summary.entities,
      );
      result.checks.push(...views.checks);
      result.notes.push(...views.notes);
      result.checks.push(await countsCheck(login.session, manifest.cms.counts));
    }
  } catch (error) {
    result.checks.push(fail('drill', (error as Error).message));
  } finally {
    progress.stage('tearing the scratch environment down…');
    for (const child of processes.reverse()) await child.stop();
    await database
      ?.drop()
      .catch((error: Error) =>
        result.notes.push(
          `the scratch database ${database?.name} could not be dropped: ${error.message}`,
        ),
      );
    await removeFolder(folder, progress);
  }
  return result;
}

async function readPassword(
  options: DrillOptions,
  extracted: string,
  manifest: Manifest,
): Promise<string> {
  if (options.adminPasswordFile) return (await readFile(options.adminPasswordFile, 'utf8')).trim();
  if (!manifest.secrets.includes(secretPath('admin-password')))
    throw new Error(
      "the archive holds no secrets/admin-password: pass --admin-password-file with the admin's password",
    );
  return (await readFile(join(extracted, secretPath('admin-password')), 'utf8')).trim();
}
