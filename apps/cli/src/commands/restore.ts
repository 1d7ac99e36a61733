import { basename } from 'node:path';
import { totalEntities } from '../backup/build-manifest.js';
import { progressLines } from '../backup/progress.js';
import { writeStatusFile } from '../backup/status-file.js';
import { ensureDashboardBuild } from '../dashboard-build.js';
import { DASHBOARD_DIR } from '../restore/drill/scratch-components.js';
import { formatDrillReport } from '../restore/drill/drill-report.js';
import { runDrill } from '../restore/drill/run-drill.js';
import { localArchive } from '../restore/local-archive.js';
import { RestoreRefused, runRestore } from '../restore/run-restore.js';
import type { CliConfig } from '../config.js';
import { EXIT, loadCliConfig, type Output } from './context.js';

export interface RestoreFlags {
  force?: boolean;
  verify?: boolean;
  adminEmail?: string;
  adminPasswordFile?: string;
}

/**
 * `legocity restore <archive|s3://bucket/key> [--force]`: restore into the configured environment.
 * `legocity restore <archive> --verify`: the restore drill, in a scratch environment.
 */
export async function restoreCommand(
  archive: string,
  flags: RestoreFlags,
  output: Output,
): Promise<number> {
  const config = loadCliConfig(output);
  if (!config) return EXIT.usage;
  let local;
  try {
    local = await localArchive(archive, config, progressLines('legocity restore', output.err));
  } catch (error) {
    output.err(`legocity restore failed: ${(error as Error).message}\n`);
    return EXIT.problem;
  }
  try {
    return flags.verify
      ? await drill(local.path, flags, config, output)
      : await restore(local.path, flags, config, output);
  } finally {
    await local.done();
  }
}

async function restore(
  archive: string,
  flags: RestoreFlags,
  config: CliConfig,
  output: Output,
): Promise<number> {
  const started = Date.now();
  try {
    const report = await runRestore({
      config,
      archive,
      force: flags.force ?? false,
      progress: progressLines('legocity restore', output.err),
      env: output.env,
    });
    const { manifest } = report;
    output.out(
      [
        `Restored ${basename(archive)} (made ${manifest.createdAt}) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
        `  broker   ${totalEntities(manifest.broker.summary)} entities, ${report.broker.tables.length} tables into ${config.brokerUrl}${report.broker.migrationsApplied ? ` (${report.broker.migrationsApplied} migrations run: the backup came from an older broker)` : ''}`,
        `  CMS      ${manifest.cms.driver}${report.keptCms ? `; the replaced database is kept as ${report.keptCms}` : ''}`,
        `  secrets  ${report.secrets.length > 0 ? report.secrets.join(', ') : 'already in place'}`,
        ...report.notes.map((note) => `  note     ${note}`),
        'Now start (or restart) the dashboard: it runs its CMS migrations at start. The broker ran its own during the restore.',
        '',
      ].join('\n'),
    );
    return EXIT.ok;
  } catch (error) {
    const refused = error instanceof RestoreRefused;
    output.err(`legocity restore ${refused ? 'refused' : 'failed'}: ${(error as Error).message}\n`);
    return EXIT.problem;
  }
}

async function drill(
  archive: string,
  flags: RestoreFlags,
  config: CliConfig,
  output: Output,
): Promise<number> {
  const started = Date.now();
  const say = (line: string) => output.err(`legocity restore --verify: ${line}\n`);
  // As `legocity up`: `skip` uses the build as it is (CI builds once).
  if (output.env.LEGOCITY_DASHBOARD_BUILD !== 'skip')
    await ensureDashboardBuild(DASHBOARD_DIR, say, output.env);
  const interrupted = new AbortController();
  const onSignal = () => interrupted.abort();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    const result = await runDrill({
      archive,
      adminEmail: flags.adminEmail ?? 'admin@legocity.local',
      adminPasswordFile: flags.adminPasswordFile,
      postgresUrl: config.dashboardDatabaseUrl,
      progress: progressLines('legocity restore --verify', output.err),
      env: output.env,
      signal: interrupted.signal,
    });
    const durationMs = Date.now() - started;
    output.out(
      formatDrillReport({
        archive: basename(archive),
        createdAt: result.manifest?.createdAt,
        checks: result.checks,
        notes: result.notes,
        durationMs,
      }),
    );
    const isPassed = result.checks.length > 0 && result.checks.every((check) => check.ok);
    if (isPassed)
      await writeStatusFile(config.backupDir, 'last-verify.json', {
        finishedAt: new Date().toISOString(),
        archive: basename(archive),
        ok: true,
        durationMs,
      });
    return isPassed ? EXIT.ok : EXIT.problem;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
