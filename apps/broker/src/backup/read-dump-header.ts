import type { Migration } from '../storage/migrate.js';
import { backupErrors } from './backup-messages.js';
import { DUMP_FORMAT_VERSION, GLOBAL_SCHEMA, type DumpHeader } from './dump-format.js';
import { latestVersion } from './migration-levels.js';
import type { NumberedLine } from './ndjson-lines.js';
import { parseDumpLine } from './parse-dump-line.js';

/**
 * Read and check a dump's first line: a header of the format version this broker reads, whose
 * schemas are at migrations this broker knows (an older dump is fine: it is migrated after
 * loading; a newer one is refused). Problems are 400s naming line 1.
 * @example const header = await readDumpHeader(lines, { global, tenant })
 */
export async function readDumpHeader(
  lines: AsyncIterator<NumberedLine>,
  migrations: { global: readonly Migration[]; tenant: readonly Migration[] },
): Promise<DumpHeader> {
  const first = await lines.next();
  if (first.done)
    throw backupErrors.inconsistent({ line: 1 }, 'the dump is empty: expected its header');
  const place = { line: first.value.number };
  const parsed = parseDumpLine(first.value.text, undefined);
  if (!parsed.ok) throw backupErrors.badLine(place, parsed.problems);
  if (parsed.value.kind !== 'header')
    throw backupErrors.unexpected(place, `a ${parsed.value.kind} line`, 'the header');
  const header = parsed.value.header;
  if (header.formatVersion !== DUMP_FORMAT_VERSION)
    throw backupErrors.formatVersion(place, header.formatVersion);
  const globalKnown = latestVersion(migrations.global);
  if (header.migrations.global > globalKnown) {
    throw backupErrors.newerMigrations(place, GLOBAL_SCHEMA, header.migrations.global, globalKnown);
  }
  const tenantKnown = latestVersion(migrations.tenant);
  for (const [schema, level] of Object.entries(header.migrations.tenants)) {
    if (level > tenantKnown) throw backupErrors.newerMigrations(place, schema, level, tenantKnown);
  }
  return header;
}
