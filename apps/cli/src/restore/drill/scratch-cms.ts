import { chmod, copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { SQLITE_FILE } from '../../backup/cms-location.js';
import { secretPath } from '../../backup/copy-secrets.js';
import type { Manifest } from '../../backup/manifest.js';
import type { Progress } from '../../backup/progress.js';
import { restorePostgres } from '../restore-postgres.js';
import { repointBrokers, type ScratchCms } from './repoint-brokers.js';
import { createScratchDatabase, type ScratchDatabase } from './scratch-database.js';

/**
 * The CMS copy for the scratch dashboard in `<folder>/dashboard`: the SQLite file, or a scratch
 * PostgreSQL database (`legocity_verify_<random>` on the CMS's server, handed to `track` at once
 * so it is dropped whatever happens next); the archive's payload-secret beside it; its brokers
 * that name the backed-up broker re-pointed at the scratch one. Returns the ids re-pointed.
 * @example const { repointed } = await prepareScratchCms({ folder, extracted, manifest, brokerUrl, … });
 */
export async function prepareScratchCms(options: {
  folder: string;
  extracted: string;
  manifest: Manifest;
  brokerUrl: string;
  postgresUrl: string | undefined;
  env: NodeJS.ProcessEnv;
  progress: Progress;
  track: (database: ScratchDatabase) => void;
}): Promise<{ repointed: number[]; databaseUrl?: string; notes: string[] }> {
  const { manifest, extracted } = options;
  const dashboardDir = join(options.folder, 'dashboard');
  await mkdir(dashboardDir, { mode: 0o700 });
  let cms: ScratchCms;
  if (manifest.cms.driver === 'sqlite') {
    cms = { driver: 'sqlite', file: join(dashboardDir, SQLITE_FILE) };
    await copyFile(join(extracted, manifest.cms.snapshot), cms.file);
  } else {
    if (!options.postgresUrl || !/^postgres(ql)?:/.test(options.postgresUrl))
      throw new Error(
        'the archive holds a PostgreSQL CMS: set LEGOCITY_CLI_DASHBOARD_DATABASE_URL to a server where the drill may create a scratch database',
      );
    const database = await createScratchDatabase(options.postgresUrl);
    options.track(database);
    options.progress.stage(
      `restoring the CMS into the scratch database ${database.name} (pg_restore)…`,
    );
    await restorePostgres(join(extracted, manifest.cms.snapshot), database.url, {
      clean: false,
      env: options.env,
    });
    cms = { driver: 'postgres', url: database.url };
  }
  const notes: string[] = [];
  if (manifest.secrets.includes(secretPath('payload-secret'))) {
    await copyFile(
      join(extracted, secretPath('payload-secret')),
      join(dashboardDir, 'payload-secret'),
    );
    await chmod(join(dashboardDir, 'payload-secret'), 0o600);
  } else
    notes.push(
      'the archive holds no payload-secret: the scratch dashboard made its own, so sealed broker keys cannot be read',
    );
  const repointed = await repointBrokers(cms, manifest.broker.url, options.brokerUrl);
  if (repointed.note) notes.push(repointed.note);
  return {
    repointed: repointed.ids,
    notes,
    ...(cms.driver === 'postgres' && { databaseUrl: cms.url }),
  };
}
