/**
 * Temporal values of NGSI-LD (ETSI GS CIM 009 v1.8.1 §4.6.3): DateTime, Date and Time strings.
 *
 * The spec's DateTime is `YYYY-MM-DDThh:mm:ss[.ffffff]Z`. We also accept what RFC 3339 allows
 * (a `±hh:mm` offset, lower-case `t`/`z`) and a comma before the fraction (§4.6.3 allows it in
 * requests), and store every DateTime normalized to UTC in `Date#toISOString()` form, so stored
 * values compare correctly as text. Leap seconds (`:60`) are refused: no JavaScript Date holds one.
 */

const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:[.,](\d{1,9}))?(?:([Zz])|([+-])(\d{2}):(\d{2}))$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{2}):(\d{2}):(\d{2})(?:[.,]\d{1,9})?[Zz]?$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Whether a value is a DateTime: date, `T`, time with optional fraction, then `Z` or `±hh:mm`.
 * @example isDateTime('2024-02-29T12:00:00Z') // true
 * @example isDateTime('2023-02-29T12:00:00Z') // false: 2023 is not a leap year
 */
export function isDateTime(value: unknown): boolean {
  return typeof value === 'string' && toEpochMillis(value) !== undefined;
}

/**
 * A DateTime in the one form we store and compare: UTC, milliseconds, `Z`
 * (`Date#toISOString()`). Digits past the millisecond are dropped, not rounded, so a value
 * never moves into the next second. Undefined when the text is not a DateTime.
 * @example normalizeDateTime('2024-01-01T01:30:00+01:00') // '2024-01-01T00:30:00.000Z'
 */
export function normalizeDateTime(value: string): string | undefined {
  const millis = toEpochMillis(value);
  return millis === undefined ? undefined : new Date(millis).toISOString();
}

/**
 * Whether a value is a Date: `YYYY-MM-DD`, a day that exists.
 * @example isDate('2024-12-31') // true
 */
export function isDate(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const match = DATE.exec(value);
  return match !== null && isCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]));
}

/**
 * Whether a value is a Time: `hh:mm:ss`, an optional fraction, an optional `Z`.
 * @example isTime('23:59:59.5Z') // true
 */
export function isTime(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const match = TIME.exec(value);
  return match !== null && isClockTime(Number(match[1]), Number(match[2]), Number(match[3]));
}

function toEpochMillis(value: string): number | undefined {
  const match = DATE_TIME.exec(value);
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (!isCalendarDate(year, month, day) || !isClockTime(hour, minute, second)) return undefined;
  let offsetMinutes = 0;
  if (match[8] === undefined) {
    const offsetHours = Number(match[10]);
    const offsetRest = Number(match[11]);
    if (offsetHours > 23 || offsetRest > 59) return undefined;
    offsetMinutes = (match[9] === '-' ? -1 : 1) * (offsetHours * 60 + offsetRest);
  }
  const millis = Number((match[7] ?? '').padEnd(3, '0').slice(0, 3));
  const date = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not map years 0–99 to 1900–1999.
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, millis);
  return date.getTime() - offsetMinutes * 60_000;
}

function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
  return day <= days;
}

function isClockTime(hour: number, minute: number, second: number): boolean {
  return hour <= 23 && minute <= 59 && second <= 59;
}
