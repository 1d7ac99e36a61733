/**
 * @legocity/basemap/style — the browser-safe part of the package (no Node imports): the style
 * builder, its types, themes and the asset file names. Import this from client components.
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
export { BASEMAP_FONT, BASEMAP_FONT_FILES } from './asset-files.js';
export type { BasemapFontFile } from './asset-files.js';
