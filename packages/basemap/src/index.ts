/**
 * @legocity/basemap — an offline MapLibre GL basemap: Natural Earth land, borders and coastline
 * as GeoJSON, Noto Sans for labels (latin + Vietnamese), and a style builder. No tile server, no
 * glyph server, no internet. Browser code may import only the style part: `@legocity/basemap/style`.
 */
export { offlineStyle, BASEMAP_LAYER_IDS } from './style.js';
export type { OfflineStyleOptions } from './style.js';
export type { BasemapOverlay, BasemapOverlayLayer } from './overlays.js';
export type {
  BasemapStyle,
  FontFaceSpec,
  GeoJsonSourceSpec,
  StyleLayerSpec,
} from './style-types.js';
export { BASEMAP_THEMES } from './themes.js';
export type { BasemapColors, BasemapTheme } from './themes.js';
export {
  BASEMAP_ASSET_FILES,
  BASEMAP_FONT,
  BASEMAP_FONT_FILES,
  BORDERS_FILE,
  COASTLINE_FILE,
  FONT_LICENSE_FILE,
  FONTS_FOLDER,
  LAND_FILE,
  WORLD_ATLAS_LICENSE_FILE,
} from './asset-files.js';
export type { BasemapFontFile } from './asset-files.js';
export { basemapAssetsDir, copyBasemapAssets } from './assets.js';
export { buildBasemapAssets } from './build-basemap-assets.js';
export { writeBasemapAssets } from './write-basemap-assets.js';
