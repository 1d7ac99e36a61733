/**
 * The US EPA Air Quality Index from pollutant concentrations, with the breakpoints of the EPA's
 * Technical Assistance Document for the Reporting of Daily Air Quality (EPA-454/B-24-002, May
 * 2024, Table 6), which include the PM2.5 breakpoints revised in 2024.
 *
 * The EPA defines the index on averages (24 h for particles, 8 h for ozone and CO, 1 h for NO2 and
 * SO2); an Open-Meteo-style API gives hourly values, so the index computed here is indicative,
 * like a NowCast, not the official daily AQI.
 */

/** Pollutants the index is computed from, by their Smart Data Models attribute names. */
export type Pollutant = 'pm25' | 'pm10' | 'o3' | 'no2' | 'so2' | 'co';

/** Concentrations in µg/m³ (what Open-Meteo gives); missing pollutants are left out. */
export type Concentrations = Partial<Record<Pollutant, number>>;

/** The six AQI categories, as Smart Data Models' `airQualityLevel` words. */
export type AirQualityLevel =
  'good' | 'moderate' | 'unhealthyForSensitiveGroups' | 'unhealthy' | 'veryUnhealthy' | 'hazardous';

/** The index, its category, the pollutant that set it, and each pollutant's own sub-index. */
export interface AqiResult {
  index: number;
  level: AirQualityLevel;
  /** The pollutant with the highest sub-index; on a tie, the first in `POLLUTANT_ORDER`. */
  responsiblePollutant: Pollutant;
  subIndices: Partial<Record<Pollutant, number>>;
}

/** [concentration low, concentration high, index low, index high] in the EPA unit. */
type Row = readonly [number, number, number, number];

interface Table {
  /** µg/m³ → the unit of the breakpoints (ppm or ppb at 25 °C and 1 atm; 24.45 L/mol). */
  fromMicrograms: (value: number) => number;
  /** Decimals the EPA truncates the concentration to before looking it up. */
  decimals: number;
  rows: readonly Row[];
}

const AQI_ROWS = [
  [0, 50],
  [51, 100],
  [101, 150],
  [151, 200],
  [201, 300],
  [301, 500],
] as const;

/** Builds rows from concentration ranges matched to the six index ranges (null: no row). */
function rows(ranges: ReadonlyArray<readonly [number, number] | null>): Row[] {
  return ranges.flatMap((range, position) => {
    const index = AQI_ROWS[position];
    return range && index ? [[range[0], range[1], index[0], index[1]] as const] : [];
  });
}

const MOLAR_VOLUME = 24.45;
const ppb = (molarMass: number) => (value: number) => (value * MOLAR_VOLUME) / molarMass;
const ppm = (molarMass: number) => (value: number) => (value * MOLAR_VOLUME) / molarMass / 1000;

const TABLES: Record<Pollutant, readonly Table[]> = {
  // 24-hour, µg/m³.
  pm25: [
    {
      fromMicrograms: (value) => value,
      decimals: 1,
      rows: rows([
        [0, 9],
        [9.1, 35.4],
        [35.5, 55.4],
        [55.5, 125.4],
        [125.5, 225.4],
        [225.5, 325.4],
      ]),
    },
  ],
  pm10: [
    {
      fromMicrograms: (value) => value,
      decimals: 0,
      rows: rows([
        [0, 54],
        [55, 154],
        [155, 254],
        [255, 354],
        [355, 424],
        [425, 604],
      ]),
    },
  ],
  // 8-hour ppm up to AQI 300; the 1-hour table from AQI 101, and alone above 0.200 ppm.
  o3: [
    {
      fromMicrograms: ppm(48.0),
      decimals: 3,
      rows: rows([[0, 0.054], [0.055, 0.07], [0.071, 0.085], [0.086, 0.105], [0.106, 0.2], null]),
    },
    {
      fromMicrograms: ppm(48.0),
      decimals: 3,
      rows: rows([null, null, [0.125, 0.164], [0.165, 0.204], [0.205, 0.404], [0.405, 0.604]]),
    },
  ],
  // 1-hour ppb.
  no2: [
    {
      fromMicrograms: ppb(46.01),
      decimals: 0,
      rows: rows([
        [0, 53],
        [54, 100],
        [101, 360],
        [361, 649],
        [650, 1249],
        [1250, 2049],
      ]),
    },
  ],
  // 1-hour ppb (the EPA uses 24-hour values above 304 ppb; hourly values are all we have).
  so2: [
    {
      fromMicrograms: ppb(64.07),
      decimals: 0,
      rows: rows([
        [0, 35],
        [36, 75],
        [76, 185],
        [186, 304],
        [305, 604],
        [605, 1004],
      ]),
    },
  ],
  // 8-hour ppm.
  co: [
    {
      fromMicrograms: ppm(28.01),
      decimals: 1,
      rows: rows([
        [0, 4.4],
        [4.5, 9.4],
        [9.5, 12.4],
        [12.5, 15.4],
        [15.5, 30.4],
        [30.5, 50.4],
      ]),
    },
  ],
};

/** Order in which ties between equal sub-indices are broken (particles first, as AirNow does). */
export const POLLUTANT_ORDER: readonly Pollutant[] = ['pm25', 'pm10', 'o3', 'no2', 'so2', 'co'];

const LEVELS: ReadonlyArray<readonly [number, AirQualityLevel]> = [
  [50, 'good'],
  [100, 'moderate'],
  [150, 'unhealthyForSensitiveGroups'],
  [200, 'unhealthy'],
  [300, 'veryUnhealthy'],
];

/**
 * The sub-index of one pollutant, or undefined below every table (ozone in its 1-hour gap never
 * is: the 8-hour table starts at 0). Concentrations above the last breakpoint give 500.
 * @example subIndex('pm25', 35.4) // 100
 */
export function subIndex(pollutant: Pollutant, micrograms: number): number | undefined {
  let best: number | undefined;
  for (const table of TABLES[pollutant]) {
    const factor = 10 ** table.decimals;
    // A small epsilon so 9.0 µg/m³ stored as 8.9999999 still truncates to 9.0.
    const value =
      Math.floor(table.fromMicrograms(Math.max(0, micrograms)) * factor + 1e-9) / factor;
    const last = table.rows[table.rows.length - 1];
    const row = table.rows.find(([low, high]) => value >= low && value <= high);
    let index: number | undefined;
    if (row) {
      const [low, high, indexLow, indexHigh] = row;
      index = Math.round(((indexHigh - indexLow) / (high - low)) * (value - low) + indexLow);
    } else if (last && value > last[1] && last[3] === 500) {
      index = 500;
    }
    if (index !== undefined && (best === undefined || index > best)) best = index;
  }
  return best;
}

/**
 * The AQI of a set of concentrations (µg/m³): the highest sub-index, the category it falls in and
 * the pollutant responsible. Undefined when no pollutant is given.
 * @example computeAqi({ pm25: 12.3, o3: 60 }) // { index: 57, level: 'moderate', responsiblePollutant: 'pm25', … }
 */
export function computeAqi(concentrations: Concentrations): AqiResult | undefined {
  const subIndices: Partial<Record<Pollutant, number>> = {};
  let responsible: Pollutant | undefined;
  for (const pollutant of POLLUTANT_ORDER) {
    const concentration = concentrations[pollutant];
    if (concentration === undefined || !Number.isFinite(concentration)) continue;
    const index = subIndex(pollutant, concentration);
    if (index === undefined) continue;
    subIndices[pollutant] = index;
    if (responsible === undefined || index > (subIndices[responsible] ?? -1))
      responsible = pollutant;
  }
  if (responsible === undefined) return undefined;
  const index = subIndices[responsible] ?? 0;
  return { index, level: aqiLevel(index), responsiblePollutant: responsible, subIndices };
}

/**
 * The category of an index value.
 * @example aqiLevel(101) // 'unhealthyForSensitiveGroups'
 */
export function aqiLevel(index: number): AirQualityLevel {
  return LEVELS.find(([upper]) => index <= upper)?.[1] ?? 'hazardous';
}
