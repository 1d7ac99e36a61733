import { describe, expect, it } from 'vitest';
import { archiveName } from './archive-name.js';
import { isoWeekOf, selectRetention } from './retention.js';

/** An archive made `days` days and `hours` hours before 2026-12-07T12:00Z (a Monday). */
const made = (days: number, hours = 0) =>
  archiveName(new Date(Date.parse('2026-12-07T12:00:00Z') - (days * 24 + hours) * 3_600_000));

describe('selectRetention', () => {
  it('keeps the newest archive of each of the last N days and removes the others', () => {
    const names = [made(0), made(0, 6), made(1), made(2), made(3)];
    const plan = selectRetention(names, { keepDaily: 2, keepWeekly: 0 });
    expect(plan.keep).toEqual([made(0), made(1)]);
    expect(plan.remove).toEqual([made(0, 6), made(2), made(3)]);
  });

  it('keeps the newest archive of each of the last N ISO weeks on top of the daily ones', () => {
    // Daily for 30 days: 3 daily, then Sundays of the previous weeks (newest in their week).
    const names = Array.from({ length: 30 }, (_, day) => made(day));
    const plan = selectRetention(names, { keepDaily: 3, keepWeekly: 3 });
    expect(plan.keep).toEqual([made(0), made(1), made(2), made(8)]);
    expect(plan.remove).toHaveLength(26);
  });

  it('always keeps the newest archive, even when both counts are zero', () => {
    expect(selectRetention([made(1), made(0)], { keepDaily: 0, keepWeekly: 0 })).toEqual({
      keep: [made(0)],
      remove: [made(1)],
    });
  });

  it('never lists files that are not archives of ours', () => {
    const plan = selectRetention(['last-backup.json', 'other.tar.gz', made(5), made(0)], {
      keepDaily: 1,
      keepWeekly: 0,
    });
    expect([...plan.keep, ...plan.remove].sort()).toEqual([made(0), made(5)].sort());
  });
});

describe('isoWeekOf', () => {
  it('follows ISO 8601: weeks start on Monday and week 1 holds the first Thursday', () => {
    expect(isoWeekOf(new Date('2026-12-07T00:00:00Z'))).toBe('2026-W50');
    expect(isoWeekOf(new Date('2026-12-06T23:59:59Z'))).toBe('2026-W49');
    expect(isoWeekOf(new Date('2021-01-03T12:00:00Z'))).toBe('2020-W53');
    expect(isoWeekOf(new Date('2024-12-30T12:00:00Z'))).toBe('2025-W01');
  });
});
