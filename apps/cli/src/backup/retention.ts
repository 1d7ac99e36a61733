import { archiveTime } from './archive-name.js';

export interface RetentionPolicy {
  /** Keep the newest archive of each of the last N UTC days that have one. */
  keepDaily: number;
  /** Keep the newest archive of each of the last N ISO weeks (UTC) that have one. */
  keepWeekly: number;
}

export interface RetentionPlan {
  keep: string[];
  remove: string[];
}

/**
 * Which archives of a folder to keep and which to delete, restic-style: the newest archive of
 * each of the last `keepDaily` days and `keepWeekly` ISO weeks that have archives. The newest
 * archive is always kept; files that are not ours (by name) are in neither list.
 * @example selectRetention(names, { keepDaily: 7, keepWeekly: 4 }).remove // ['legocity-backup-…']
 */
export function selectRetention(names: readonly string[], policy: RetentionPolicy): RetentionPlan {
  const archives = names
    .flatMap((name) => {
      const at = archiveTime(name);
      return at ? [{ name, at }] : [];
    })
    .sort((a, b) => b.at.getTime() - a.at.getTime());
  const kept = new Set<string>();
  if (archives[0]) kept.add(archives[0].name);
  keepNewestPerPeriod(archives, dayOf, policy.keepDaily, kept);
  keepNewestPerPeriod(archives, isoWeekOf, policy.keepWeekly, kept);
  return {
    keep: archives.filter((a) => kept.has(a.name)).map((a) => a.name),
    remove: archives.filter((a) => !kept.has(a.name)).map((a) => a.name),
  };
}

/** Archives are sorted newest first, so the first one seen in a period is its newest. */
function keepNewestPerPeriod(
  archives: readonly { name: string; at: Date }[],
  periodOf: (at: Date) => string,
  count: number,
  kept: Set<string>,
): void {
  const seen = new Set<string>();
  for (const archive of archives) {
    if (seen.size >= count) return;
    const period = periodOf(archive.at);
    if (seen.has(period)) continue;
    seen.add(period);
    kept.add(archive.name);
  }
}

function dayOf(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/** ISO 8601 week, e.g. '2026-W49' (weeks start on Monday; week 1 holds the first Thursday). */
export function isoWeekOf(at: Date): string {
  const day = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
  const weekday = day.getUTCDay() || 7;
  day.setUTCDate(day.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(day.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((day.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${day.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}
