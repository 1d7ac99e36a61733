export * from './format-options.js';
export { formatEntity } from './format-entity.js';
export { formatEntityAsFeature, formatEntitiesAsFeatureCollection } from './format-geojson.js';
export { parseLanguageFilter, selectLanguage, type LanguageRange } from './language-filter.js';
