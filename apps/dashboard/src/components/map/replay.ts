import { valueDomain, type Domain } from './colour-ramp.js';
import type { ReplayAnswer } from './map-types.js';

/**
 * The value of every entity at one step of a replay (null when it had none that hour).
 * @example replayValuesAt(answer, 3).get('urn:ngsi-ld:OffStreetParking:danang-1') // 0.42
 */
export function replayValuesAt(answer: ReplayAnswer, step: number): Map<string, number | null> {
  const values = new Map<string, number | null>();
  for (const [entityId, series] of Object.entries(answer.values)) {
    const value = series[step];
    values.set(entityId, typeof value === 'number' && Number.isFinite(value) ? value : null);
  }
  return values;
}

/**
 * The range of all values of a replay, every hour together, so a colour keeps its meaning while
 * the slider moves.
 */
export function replayDomain(answer: ReplayAnswer): Domain {
  return valueDomain(Object.values(answer.values).flat());
}

/**
 * The hour a step stands for, as local time in the reader's language, e.g. "14:00".
 * @example stepLabel('2026-11-23T07:00:00Z', 'vi', 'Asia/Ho_Chi_Minh') // '14:00'
 */
export function stepLabel(iso: string | undefined, locale: string, timeZone?: string): string {
  if (!iso) return '';
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    ...(timeZone ? { timeZone } : {}),
  }).format(at);
}
