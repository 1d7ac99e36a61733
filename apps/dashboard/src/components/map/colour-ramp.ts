/** An [r, g, b] colour, 0–255 each. */
type Rgb = [number, number, number];

const WHITE: Rgb = [255, 255, 255];
const BLACK: Rgb = [0, 0, 0];
const FALLBACK: Rgb = [31, 119, 180];

/**
 * Reads `#rgb` or `#rrggbb`; anything else gives the default layer blue, so a bad colour in the
 * CMS never breaks the map.
 */
export function parseHexColour(colour: string): Rgb {
  const hex = colour.trim().replace(/^#/, '');
  const full =
    hex.length === 3
      ? hex
          .split('')
          .map((c) => c + c)
          .join('')
      : hex;
  if (!/^[0-9a-f]{6}$/i.test(full)) return [...FALLBACK];
  return [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16)) as Rgb;
}

function toHex(rgb: Rgb): string {
  return `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;
}

function mix(a: Rgb, b: Rgb, share: number): Rgb {
  return a.map((c, i) => c + ((b[i] ?? 0) - c) * share) as Rgb;
}

/**
 * A sequential ramp of `steps` colours for a layer colour: from a pale tint (low values) through
 * the colour itself to a darker shade (high values).
 * @example colourRamp('#1f77b4', 5) // ['#d2e4f0', …, '#1f77b4', '#144d75']
 */
export function colourRamp(colour: string, steps = 5): string[] {
  const base = parseHexColour(colour);
  if (steps <= 1) return [toHex(base)];
  const pale = mix(base, WHITE, 0.82);
  const dark = mix(base, BLACK, 0.35);
  const middle = Math.floor((steps - 1) * 0.75);
  return Array.from({ length: steps }, (_, i) => {
    if (i <= middle) return toHex(mix(pale, base, middle === 0 ? 1 : i / middle));
    return toHex(mix(base, dark, (i - middle) / (steps - 1 - middle)));
  });
}

/** Smallest and largest value, or undefined when there is no finite number. */
export type Domain = [number, number] | undefined;

/**
 * The range of the finite numbers given.
 * @example valueDomain([3, null, 1, 'x', 7]) // [1, 7]
 */
export function valueDomain(values: Iterable<unknown>): Domain {
  let min = Infinity;
  let max = -Infinity;
  for (const value of values) {
    if (typeof value !== 'number' || !Number.isFinite(value)) continue;
    if (value < min) min = value;
    if (value > max) max = value;
  }
  return min <= max ? [min, max] : undefined;
}

/** One stop of a ramp: from this value on, this colour. */
export interface RampStop {
  value: number;
  colour: string;
}

/**
 * Evenly spaced stops across the domain, one per colour. A single-value domain gives one stop.
 * @example rampStops([0, 100], ['#eee', '#888', '#000']) // [{0,'#eee'},{50,'#888'},{100,'#000'}]
 */
export function rampStops(domain: Domain, colours: readonly string[]): RampStop[] {
  if (!domain || colours.length === 0) return [];
  const [min, max] = domain;
  if (min === max || colours.length === 1) return [{ value: min, colour: colours.at(-1)! }];
  const step = (max - min) / (colours.length - 1);
  return colours.map((colour, i) => ({ value: min + step * i, colour }));
}

/**
 * A MapLibre expression colouring by a numeric property along the stops; features without a
 * number get `missingColour`.
 * @example rampExpression('occupancy', stops, '#999')
 */
export function rampExpression(
  property: string,
  stops: readonly RampStop[],
  missingColour: string,
): unknown {
  if (stops.length === 0) return missingColour;
  const value = ['to-number', ['get', property], -1e308];
  const colourByValue =
    stops.length === 1
      ? stops[0]!.colour
      : ['interpolate', ['linear'], value, ...stops.flatMap((s) => [s.value, s.colour])];
  return ['case', ['==', ['typeof', ['get', property]], 'number'], colourByValue, missingColour];
}
