const DURATION = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/**
 * Seconds in an ISO 8601 duration of days, hours, minutes and seconds (`PT15M`, `PT1H`, `P1D`);
 * undefined for anything else (`none`, months, years).
 * @example isoDurationSeconds('PT1H') // 3600
 */
export function isoDurationSeconds(text: string | undefined): number | undefined {
  const match = text ? DURATION.exec(text) : null;
  if (!match || text === 'P' || text === 'PT') return undefined;
  const [, days, hours, minutes, seconds] = match;
  const total =
    Number(days ?? 0) * 86_400 +
    Number(hours ?? 0) * 3600 +
    Number(minutes ?? 0) * 60 +
    Number(seconds ?? 0);
  return total > 0 ? total : undefined;
}
