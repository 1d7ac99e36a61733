#!/usr/bin/env node
/**
 * `legocity` — run and operate a LegoCity platform: `up` (what `npm start` runs), `status`,
 * `doctor`, `backup`, `restore`, `keys`, `routine`. Each command returns an exit code; this file
 * is the only place that ends the process.
 */
import { Command, Option } from 'commander';
import { backupCommand, type BackupFlags } from './commands/backup.js';
import type { Output } from './commands/context.js';
import { doctorCommand } from './commands/doctor.js';
import { keysCommands } from './commands/keys.js';
import { restoreCommand, type RestoreFlags } from './commands/restore.js';
import { routineCommand } from './commands/routine.js';
import { seedCommand } from './commands/seed.js';
import { statusCommand } from './commands/status.js';
import { up } from './commands/up.js';

const output: Output = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  env: process.env,
};

/** Run a command and end the process with its exit code; an unexpected error is exit 1. */
const run =
  <A extends unknown[]>(command: (...args: A) => Promise<number>) =>
  async (...args: A): Promise<void> => {
    try {
      process.exitCode = await command(...args);
    } catch (error) {
      output.err(`legocity: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    }
  };

const program = new Command('legocity')
  .description('Run and operate a LegoCity smart-city platform.')
  .showHelpAfterError()
  .addHelpText(
    'after',
    '\nThe operator commands read LEGOCITY_CLI_* variables (component URLs, admin key file, backup folder): see the README.',
  );

program
  .command('up', { isDefault: true })
  .description(
    'start the broker, update servers, dashboard and alert evaluator (demo city) on embedded defaults; Ctrl-C stops',
  )
  .action(async () => {
    try {
      await up(process.env, (code) => process.exit(code));
    } catch (error) {
      output.err(`legocity up failed: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    }
  });

program
  .command('status')
  .description(
    "each component's health and version, update-server runs, entity counts, firing alerts",
  )
  .option('--json', 'print JSON')
  .action(run((options: { json?: boolean }) => statusCommand(options, output)));

program
  .command('doctor')
  .description(
    'run the incident playbooks as checks; say what is wrong and what to do (exit 1 on a failure)',
  )
  .option('--json', 'print JSON')
  .option('--strict', 'exit 1 on warnings too')
  .action(run((options: { json?: boolean; strict?: boolean }) => doctorCommand(options, output)));

program
  .command('routine')
  .description('the daily, weekly or monthly routine checks as one report')
  .argument('<period>', 'daily, weekly or monthly')
  .option('--json', 'print JSON')
  .action(
    run((period: string, options: { json?: boolean }) => routineCommand(period, options, output)),
  );

program
  .command('backup')
  .description(
    'one archive of the broker and the CMS (with a manifest and checksums), then retention',
  )
  .option(
    '--to <folder|s3://bucket/prefix>',
    'where the archive goes (default LEGOCITY_CLI_BACKUP_DIR; S3: LEGOCITY_CLI_S3_*)',
  )
  .option('--keep-daily <n>', 'keep the newest archive of each of the last N days')
  .option('--keep-weekly <n>', 'keep the newest archive of each of the last N ISO weeks')
  .action(run((flags: BackupFlags) => backupCommand(flags, output)));

program
  .command('restore')
  .description(
    'check an archive, then restore it; --verify restores it into a scratch environment and checks it',
  )
  .argument('<archive>', 'a legocity-backup-*.tar.gz, or s3://bucket/key of one')
  .option('--force', 'replace a broker, CMS or payload-secret that already holds something')
  .option('--verify', 'the restore drill: scratch broker and dashboard, checks, then teardown')
  .option('--admin-email <email>', 'drill: the admin who signs in', 'admin@legocity.local')
  .option('--admin-password-file <file>', "drill: the admin's password (default: the archive's)")
  .action(run((archive: string, flags: RestoreFlags) => restoreCommand(archive, flags, output)));

program
  .command('seed')
  .description(
    'load the demo city (one snapshot) or a CSV/GeoJSON dataset (an open-data mapping file) into the broker',
  )
  .argument('<what>', '`demo`, or a mapping .json file')
  .action(run((what: string) => seedCommand(what, output)));

const keys = program
  .command('keys')
  .description("update-server keys, through the broker's admin API");
keys
  .command('list')
  .description('every key with its status, scopes, expiry and last use (never a secret)')
  .option('--json', 'print JSON')
  .action(run((options: { json?: boolean }) => keysCommands.list(options, output)));
keys
  .command('create')
  .description('create a key; its secret is printed once, on stdout')
  .argument('<name>', 'e.g. updater-weather')
  .option('--write <types...>', 'entity types it may write (comma or space separated; * for any)')
  .option('--read', 'read access')
  .option('--admin', 'admin access (keys, backup, restore)')
  .option('--tenant <tenants...>', 'tenants of the read/write scopes', ['default'])
  .option('--expires <when>', 'a date-time, or a duration from now (90d)')
  .addOption(new Option('--rate-limit <perSecond>', 'requests per second; 0 unlimited'))
  .action(
    run((name: string, flags: Record<string, unknown>) => keysCommands.create(name, flags, output)),
  );
keys
  .command('rotate')
  .description('a new secret; the old one keeps working for the overlap (default 24 h)')
  .argument('<id>', 'the key id (keys list)')
  .option('--overlap <duration>', 'ISO 8601 duration, e.g. PT24H, or whole seconds')
  .action(
    run((id: string, options: { overlap?: string }) => keysCommands.rotate(id, options, output)),
  );
keys
  .command('revoke')
  .description('stop a key at once')
  .argument('<id>', 'the key id (keys list)')
  .action(run((id: string) => keysCommands.revoke(id, output)));

await program.parseAsync(process.argv);
