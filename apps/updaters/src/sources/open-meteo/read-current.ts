/**
 * Reads the `current` block of an Open-Meteo-style answer (forecast and air-quality APIs alike):
 * `{ utc_offset_seconds?, current_units: { x: unit }, current: { time, x: value } }`.
 */

/** One measured variable of `current`, with the unit the API gave it in. */
export interface CurrentValue {
  value: number;
  unit: string;
}

/** The `current` block, checked: observation time as ISO 8601 UTC and the variables asked for. */
export interface CurrentConditions {
  observedAt: string;
  /** Variables present with a number; a variable the API left out or sent as null is absent. */
  values: Partial<Record<string, CurrentValue>>;
}

/** Every problem found, as `field: rule` texts. */
export type ReadResult = { ok: true; value: CurrentConditions } | { ok: false; problems: string[] };

/**
 * Checks an answer and picks `variables` out of its `current` block. The time is local to
 * `utc_offset_seconds` (0 unless the request set a timezone) unless it carries its own offset;
 * a number is read as Unix seconds (`timeformat=unixtime`).
 * @example readCurrent(json, ['temperature_2m']) // { ok: true, value: { observedAt: '2024-…Z', … } }
 */
export function readCurrent(response: unknown, variables: readonly string[]): ReadResult {
  if (!isObject(response)) return { ok: false, problems: ['answer: expected a JSON object'] };
  const { current, current_units: units } = response;
  if (!isObject(current)) return { ok: false, problems: ['current: expected an object'] };
  const problems: string[] = [];
  const offset = response.utc_offset_seconds ?? 0;
  if (typeof offset !== 'number') problems.push('utc_offset_seconds: expected a number');
  const observedAt = readTime(current.time, typeof offset === 'number' ? offset : 0);
  if (observedAt === undefined) {
    problems.push(
      `current.time: expected an ISO 8601 time or Unix seconds, got ${show(current.time)}`,
    );
  }
  const values: Partial<Record<string, CurrentValue>> = {};
  for (const name of variables) {
    const value = current[name];
    if (value === undefined || value === null) continue;
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      problems.push(`current.${name}: expected a number, got ${show(value)}`);
      continue;
    }
    const unit = isObject(units) ? units[name] : undefined;
    if (typeof unit !== 'string') {
      problems.push(`current_units.${name}: expected the unit of current.${name}`);
      continue;
    }
    values[name] = { value, unit };
  }
  return problems.length === 0 && observedAt !== undefined
    ? { ok: true, value: { observedAt, values } }
    : { ok: false, problems };
}

function readTime(time: unknown, offsetSeconds: number): string | undefined {
  let ms: number;
  if (typeof time === 'number') ms = time * 1000;
  else if (typeof time !== 'string') return undefined;
  else if (/(Z|[+-]\d\d:?\d\d)$/.test(time)) ms = Date.parse(time);
  else ms = Date.parse(`${time}Z`) - offsetSeconds * 1000;
  return Number.isFinite(ms) ? new Date(ms).toISOString() : undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A received value in a message: short, quoted when text. */
export function show(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}
