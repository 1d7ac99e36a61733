/**
 * The files of the offline basemap, relative to the assets folder. One list shared by the style
 * (which points at them), the generator (which writes them) and the copier (which ships them), so
 * the three cannot disagree. Browser-safe: no Node imports.
 */

/** Land polygons (Natural Earth 1:50m), one MultiPolygon feature. */
export const LAND_FILE = 'land.geojson';
/** Land borders shared by two countries (Natural Earth 1:50m), one MultiLineString feature. */
export const BORDERS_FILE = 'borders.geojson';
/** The outline of the land (Natural Earth 1:50m), one MultiLineString feature. */
export const COASTLINE_FILE = 'coastline.geojson';
/** Licence of the world-atlas TopoJSON the GeoJSON files are converted from (ISC). */
export const WORLD_ATLAS_LICENSE_FILE = 'LICENSE-world-atlas.txt';

/** Folder of the font files, relative to the assets folder. */
export const FONTS_FOLDER = 'fonts';
/** The font name symbol layers use in `text-font`. */
export const BASEMAP_FONT = 'Noto Sans Regular';
/** The SIL Open Font License notice shipped with the fonts, relative to the fonts folder. */
export const FONT_LICENSE_FILE = 'OFL.txt';

/** One font file and the code points it covers (CSS `unicode-range` syntax). */
export interface BasemapFontFile {
  /** File name inside the fonts folder (same name as in @fontsource/noto-sans/files). */
  readonly file: string;
  /** The @fontsource subset the file holds. */
  readonly subset: 'latin' | 'vietnamese';
  /** Code points the file covers, copied from @fontsource/noto-sans/unicode.json. */
  readonly unicodeRange: readonly string[];
}

/**
 * Noto Sans Regular, split as @fontsource ships it. Latin comes first; the Vietnamese file adds
 * ă, đ, ơ, ư, ĩ, ũ and the precomposed tone marks (U+1EA0–1EF9), so labels read in English and
 * Vietnamese alike. A test checks the ranges against the installed @fontsource package.
 */
export const BASEMAP_FONT_FILES: readonly BasemapFontFile[] = [
  {
    file: 'noto-sans-latin-400-normal.woff2',
    subset: 'latin',
    unicodeRange: [
      'U+0000-00FF',
      'U+0131',
      'U+0152-0153',
      'U+02BB-02BC',
      'U+02C6',
      'U+02DA',
      'U+02DC',
      'U+0304',
      'U+0308',
      'U+0329',
      'U+2000-206F',
      'U+20AC',
      'U+2122',
      'U+2191',
      'U+2193',
      'U+2212',
      'U+2215',
      'U+FEFF',
      'U+FFFD',
    ],
  },
  {
    file: 'noto-sans-vietnamese-400-normal.woff2',
    subset: 'vietnamese',
    unicodeRange: [
      'U+0102-0103',
      'U+0110-0111',
      'U+0128-0129',
      'U+0168-0169',
      'U+01A0-01A1',
      'U+01AF-01B0',
      'U+0300-0301',
      'U+0303-0304',
      'U+0308-0309',
      'U+0323',
      'U+0329',
      'U+1EA0-1EF9',
      'U+20AB',
    ],
  },
];

/** Every file of the assets folder, relative to it, with `/` separators. */
export const BASEMAP_ASSET_FILES: readonly string[] = [
  LAND_FILE,
  BORDERS_FILE,
  COASTLINE_FILE,
  WORLD_ATLAS_LICENSE_FILE,
  ...BASEMAP_FONT_FILES.map((font) => `${FONTS_FOLDER}/${font.file}`),
  `${FONTS_FOLDER}/${FONT_LICENSE_FILE}`,
];
