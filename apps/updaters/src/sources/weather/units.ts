/**
 * Units an Open-Meteo-style API may answer in (its `current_units`), converted to the units the
 * WeatherObserved contract carries. A unit not listed is refused rather than guessed.
 */

/** A quantity the weather source writes, with the unit it is written in. */
export type Quantity =
  | 'temperature'
  | 'relativeHumidity'
  | 'windSpeed'
  | 'windDirection'
  | 'precipitation'
  | 'atmosphericPressure';

type Convert = (value: number) => number;
const same: Convert = (value) => value;

// Keys are the unit texts as the API writes them; values convert into the contract's unit.
const CONVERSIONS: Record<Quantity, Record<string, Convert>> = {
  temperature: {
    '°C': same,
    '°F': (value) => ((value - 32) * 5) / 9,
    K: (value) => value - 273.15,
  },
  relativeHumidity: { '%': (value) => value / 100 },
  windSpeed: {
    'm/s': same,
    'km/h': (value) => value / 3.6,
    'mp/h': (value) => value * 0.44704,
    mph: (value) => value * 0.44704,
    kn: (value) => (value * 1852) / 3600,
  },
  windDirection: { '°': same },
  precipitation: { mm: same, inch: (value) => value * 25.4 },
  atmosphericPressure: { hPa: same, Pa: (value) => value / 100, kPa: (value) => value * 10 },
};

// Decimals kept after conversion: enough for the instruments, and no 3.5000000000000004.
const DECIMALS: Record<Quantity, number> = {
  temperature: 2,
  relativeHumidity: 3,
  windSpeed: 2,
  windDirection: 1,
  precipitation: 2,
  atmosphericPressure: 1,
};

/**
 * Converts `value`, given in `unit`, into the contract's unit of `quantity`; `undefined` when the
 * unit is not one this source knows (the caller names the field in its message).
 * @example convertUnit('windSpeed', 36, 'km/h') // 10
 */
export function convertUnit(quantity: Quantity, value: number, unit: string): number | undefined {
  const convert = CONVERSIONS[quantity][unit.trim()];
  if (convert === undefined) return undefined;
  const factor = 10 ** DECIMALS[quantity];
  return Math.round(convert(value) * factor) / factor;
}

/** The unit texts accepted for `quantity`, for messages. */
export function knownUnits(quantity: Quantity): string[] {
  return Object.keys(CONVERSIONS[quantity]);
}
