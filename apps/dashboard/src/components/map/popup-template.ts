/** What a placeholder shows when the entity has no such attribute (or it is null). */
export const MISSING_VALUE = '—';

/** Placeholders: `{{name}}`, `{{ name }}`, `{{address.streetAddress}}`. */
const PLACEHOLDER = /\{\{\s*([\w.:-]+)\s*\}\}/g;

const GEOMETRY_TYPES: ReadonlySet<unknown> = new Set([
  'Point',
  'MultiPoint',
  'LineString',
  'MultiLineString',
  'Polygon',
  'MultiPolygon',
]);

function countPositions(coordinates: unknown): number {
  if (!Array.isArray(coordinates)) return 0;
  if (typeof coordinates[0] === 'number') return 1;
  return coordinates.reduce((sum: number, part) => sum + countPositions(part), 0);
}

/** A GeoJSON geometry in a few words: a point's position, else its type and size. */
function geometryText(geometry: { type: string; coordinates: unknown }): string {
  const { type, coordinates } = geometry;
  if (type === 'Point' && Array.isArray(coordinates)) return `Point ${coordinates.join(', ')}`;
  return `${type} (${countPositions(coordinates)} positions)`;
}

/**
 * One attribute value as plain text: strings as they are, numbers and booleans with String(),
 * typed values (`{"@type": "DateTime", "@value": …}`) as their value, geometries in short,
 * other objects and arrays as compact JSON, null / undefined as `missing`.
 *
 * @example valueAsText(12.5) // '12.5'
 */
export function valueAsText(value: unknown, missing: string = MISSING_VALUE): string {
  if (value === null || value === undefined) return missing;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return String(value);
  const record = value as Record<string, unknown>;
  if (!Array.isArray(value) && Object.hasOwn(record, '@value'))
    return valueAsText(record['@value'], missing);
  if (GEOMETRY_TYPES.has(record.type) && Object.hasOwn(record, 'coordinates'))
    return geometryText(record as { type: string; coordinates: unknown });
  try {
    return JSON.stringify(value);
  } catch {
    return missing;
  }
}

function lookup(properties: Record<string, unknown>, path: string): unknown {
  if (Object.hasOwn(properties, path)) return properties[path];
  let current: unknown = properties;
  for (const part of path.split('.')) {
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, part))
      return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

/**
 * Fills a popup template with an entity's attributes. The result is plain TEXT: callers put it
 * in a text node (textContent, React text), never in HTML, so `<script>` in a value or in the
 * template stays visible characters.
 *
 * @param template - text with `{{attribute}}` placeholders (dotted paths reach into objects)
 * @param properties - the feature's keyValues properties
 * @example renderTemplate('{{name}}: PM2.5 {{pm25}} µg/m³', { name: 'Hải Châu', pm25: 41 })
 * // 'Hải Châu: PM2.5 41 µg/m³'
 */
export function renderTemplate(
  template: string,
  properties: Record<string, unknown>,
  missing: string = MISSING_VALUE,
): string {
  return template.replace(PLACEHOLDER, (_whole, path: string) =>
    valueAsText(lookup(properties, path), missing),
  );
}

/**
 * The name people know an entity by: `name`, else `alternateName`, else the last part of its id.
 * @example entityName('urn:ngsi-ld:OffStreetParking:danang-vincom', {}) // 'danang-vincom'
 */
export function entityName(id: string, properties: Record<string, unknown>): string {
  for (const key of ['name', 'alternateName', 'title']) {
    const value = properties[key];
    if (typeof value === 'string' && value.trim() !== '') return value;
  }
  return id.split(':').pop() || id;
}

/**
 * The popup text of an entity: its layer's template, or its name when the layer has none.
 * @example popupText(undefined, 'urn:x:1', { name: 'A' }) // 'A'
 */
export function popupText(
  template: string | undefined,
  id: string,
  properties: Record<string, unknown>,
  missing: string = MISSING_VALUE,
): string {
  if (template && template.trim() !== '') return renderTemplate(template, properties, missing);
  return entityName(id, properties);
}
