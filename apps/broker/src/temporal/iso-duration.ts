/**
 * ISO 8601 durations as NGSI-LD uses them for aggrPeriodDuration (ETSI GS CIM 009 v1.8.1
 * §4.5.19.1): `P[n]Y[n]M[n]DT[n]H[n]M[n]S` or `P[n]W`, zero elements and lower-order elements
 * may be left out. We serve only durations of a fixed length: years and months vary with the
 * calendar, so they are refused (a departure from the spec, which allows them).
 */
const DURATION =
  /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:[.,]\d+)?)S)?)?$/;

const SECONDS = { week: 604_800, day: 86_400, hour: 3_600, minute: 60 } as const;

export type DurationResult =
  { ok: true; seconds: number } | { ok: false; reason: 'syntax' | 'calendar' };

/**
 * The length in seconds of an ISO 8601 duration, or why it cannot be read: `syntax` when the
 * text is not a duration, `calendar` when it has years or months (no fixed length).
 * @example parseIsoDuration('PT1H') // { ok: true, seconds: 3600 }
 * @example parseIsoDuration('P1M') // { ok: false, reason: 'calendar' }
 */
export function parseIsoDuration(text: string): DurationResult {
  const match = DURATION.exec(text);
  // "P" and "PT" alone have no element; a "T" must be followed by one.
  if (!match || text === 'P' || text.endsWith('T')) return { ok: false, reason: 'syntax' };
  const [, years, months, weeks, days, hours, minutes, seconds] = match;
  // P[n]W is a form of its own: weeks do not combine with other elements.
  if (weeks !== undefined && [years, months, days, hours, minutes, seconds].some(isSet)) {
    return { ok: false, reason: 'syntax' };
  }
  if (Number(years ?? 0) > 0 || Number(months ?? 0) > 0) return { ok: false, reason: 'calendar' };
  const total =
    Number(weeks ?? 0) * SECONDS.week +
    Number(days ?? 0) * SECONDS.day +
    Number(hours ?? 0) * SECONDS.hour +
    Number(minutes ?? 0) * SECONDS.minute +
    Number((seconds ?? '0').replace(',', '.'));
  if (!Number.isFinite(total) || total > Number.MAX_SAFE_INTEGER) {
    return { ok: false, reason: 'syntax' };
  }
  return { ok: true, seconds: total };
}

/**
 * Seconds as the shortest ISO 8601 duration in days, hours, minutes and seconds.
 * @example formatIsoDuration(90_000) // 'P1DT1H'
 * @example formatIsoDuration(0) // 'PT0S'
 */
export function formatIsoDuration(totalSeconds: number): string {
  if (totalSeconds <= 0) return 'PT0S';
  const days = Math.floor(totalSeconds / SECONDS.day);
  let rest = totalSeconds - days * SECONDS.day;
  const hours = Math.floor(rest / SECONDS.hour);
  rest -= hours * SECONDS.hour;
  const minutes = Math.floor(rest / SECONDS.minute);
  const seconds = Math.round((rest - minutes * SECONDS.minute) * 1000) / 1000;
  const time =
    (hours > 0 ? `${hours}H` : '') +
    (minutes > 0 ? `${minutes}M` : '') +
    (seconds > 0 ? `${seconds}S` : '');
  return `P${days > 0 ? `${days}D` : ''}${time ? `T${time}` : ''}`;
}

function isSet(value: string | undefined): boolean {
  return value !== undefined;
}
