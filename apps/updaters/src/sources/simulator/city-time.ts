/**
 * Local time of the demo city. Da Nang keeps Indochina Time (UTC+7) all year, with no daylight
 * saving, so a fixed offset is exact and needs no time-zone database.
 */

/** Offset of Da Nang's local time from UTC, in milliseconds. */
export const CITY_UTC_OFFSET_MS = 7 * 3_600_000;

/** Local time parts that drive the daily and seasonal cycles. */
export interface CityClock {
  /** Hour of the local day as a fraction, [0, 24). */
  hour: number;
  /** Local month, 1–12. */
  month: number;
  /** Local day of the week, 0 = Sunday. */
  weekday: number;
  isWeekend: boolean;
}

/** Local time in Da Nang of an instant. */
export function cityClock(at: Date): CityClock {
  const local = new Date(at.getTime() + CITY_UTC_OFFSET_MS);
  const weekday = local.getUTCDay();
  return {
    hour: local.getUTCHours() + local.getUTCMinutes() / 60 + local.getUTCSeconds() / 3600,
    month: local.getUTCMonth() + 1,
    weekday,
    isWeekend: weekday === 0 || weekday === 6,
  };
}

/**
 * Rush-hour weight in [0, 1]: peaks around 07:30 and 17:30 local time on working days, softer at
 * weekends.
 */
export function rushHour(clock: CityClock): number {
  const peak = (centre: number, width: number): number =>
    Math.exp(-((clock.hour - centre) ** 2) / (2 * width * width));
  const weight = Math.max(peak(7.5, 0.9), peak(17.5, 1.1));
  return clock.isWeekend ? weight * 0.55 : weight;
}

/**
 * How busy the streets are in [0, 1] over the day: near zero at 03:00, a rush peak morning and
 * evening, busy through the day.
 */
export function dailyActivity(clock: CityClock): number {
  const h = clock.hour;
  const awake =
    h < 5
      ? 0.08
      : h < 6.5
        ? 0.08 + ((h - 5) / 1.5) * 0.45
        : h < 21
          ? 0.55
          : h < 24
            ? 0.55 - ((h - 21) / 3) * 0.45
            : 0.1;
  return Math.min(1, awake + 0.45 * rushHour(clock));
}
