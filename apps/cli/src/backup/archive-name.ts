/** Archive names: `legocity-backup-20261207T101500Z.tar.gz` (UTC, to the second). */
const ARCHIVE_NAME = /^legocity-backup-(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z\.tar\.gz$/;

/** The prefix of the hidden temporary names an archive is written under before its rename. */
export const PARTIAL_PREFIX = '.legocity-backup-';

/**
 * The archive name for a moment (UTC, to the second).
 * @example archiveName(new Date('2026-12-07T10:15:00.400Z')) // 'legocity-backup-20261207T101500Z.tar.gz'
 */
export function archiveName(at: Date): string {
  const stamp = at
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
  return `legocity-backup-${stamp}.tar.gz`;
}

/**
 * When an archive was made, from its name; undefined for a file that is not one of ours (which
 * retention then never touches).
 * @example archiveTime('legocity-backup-20261207T101500Z.tar.gz') // 2026-12-07T10:15:00.000Z
 */
export function archiveTime(name: string): Date | undefined {
  const match = ARCHIVE_NAME.exec(name);
  if (!match) return undefined;
  const [year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0] = match
    .slice(1)
    .map(Number);
  const at = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  // Reject impossible dates that Date.UTC would roll over (20261340T…).
  return archiveName(at) === name ? at : undefined;
}
