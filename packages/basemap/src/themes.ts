/** The two looks of the basemap; the dashboard follows the admin's light/dark setting. */
export type BasemapTheme = 'light' | 'dark';

/** Colours of one theme, exported so overlays and labels can match the basemap. */
export interface BasemapColors {
  readonly ocean: string;
  readonly land: string;
  readonly coastline: string;
  readonly borders: string;
  /** Text colour for labels drawn over the basemap. */
  readonly label: string;
  /** Halo around label text, so it stays readable over land, water and lines. */
  readonly labelHalo: string;
}

/** Colours by theme: muted, so the data on top of the map carries the colour. */
export const BASEMAP_THEMES: Readonly<Record<BasemapTheme, BasemapColors>> = {
  light: {
    ocean: '#cfe0ec',
    land: '#f5f3ee',
    coastline: '#9db7ca',
    borders: '#b3a9b8',
    label: '#2f3a45',
    labelHalo: '#ffffff',
  },
  dark: {
    ocean: '#101a26',
    land: '#222a33',
    coastline: '#3b5266',
    borders: '#566170',
    label: '#dbe3ea',
    labelHalo: '#101a26',
  },
};
