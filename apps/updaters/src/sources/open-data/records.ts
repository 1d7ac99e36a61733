import { parse } from 'csv-parse/sync';

/** One row of a CSV file or one feature of a GeoJSON file, before mapping. */
export interface SourceRecord {
  /** Where it is, for messages: `line 14` or `feature 3`. */
  where: string;
  /** What a field is called in messages: `column` (CSV) or `property` (GeoJSON). */
  field: 'column' | 'property';
  values: Record<string, unknown>;
  /** Why the record cannot be mapped at all (e.g. a CSV row with the wrong number of fields). */
  problem?: string;
  /** GeoJSON only: the feature's geometry (null when it has none) and id. */
  geometry?: unknown;
  featureId?: unknown;
}

/** The records of a file in file order, or why none could be read. */
export type ReadRecordsResult =
  { ok: true; columns: string[]; records: SourceRecord[] } | { ok: false; message: string };

/**
 * Reads CSV (RFC 4180, first line the header, UTF-8 BOM skipped, empty lines ignored). A row with
 * more or fewer fields than the header is reported by line number and left out.
 * @example readCsv('code,capacity\nP1,120\n', ',') // { ok: true, columns: ['code', 'capacity'], records: [{ where: 'line 2', … }] }
 */
export function readCsv(text: string, delimiter: string): ReadRecordsResult {
  let rows: Array<{ record: string[]; info: { lines: number } }>;
  try {
    rows = parse(text, {
      bom: true,
      delimiter,
      info: true,
      skip_empty_lines: true,
      relax_column_count: true,
    }) as unknown as Array<{ record: string[]; info: { lines: number } }>;
  } catch (error) {
    const line = (error as { lines?: unknown }).lines;
    return {
      ok: false,
      message: `CSV cannot be read${typeof line === 'number' ? ` at line ${line}` : ''}: ${(error as Error).message}`,
    };
  }
  const [header, ...body] = rows;
  if (!header) return { ok: false, message: 'CSV is empty: expected a header line' };
  const columns = header.record.map((column) => column.trim());
  const records: SourceRecord[] = [];
  for (const { record, info } of body) {
    const where = `line ${info.lines}`;
    if (record.length !== columns.length) {
      const problem = `${where}: has ${record.length} fields, the header has ${columns.length}`;
      records.push({ where, field: 'column', values: {}, problem });
      continue;
    }
    const values: Record<string, unknown> = {};
    columns.forEach((column, index) => (values[column] = record[index]));
    records.push({ where, field: 'column', values });
  }
  return { ok: true, columns, records };
}

/**
 * Reads a GeoJSON FeatureCollection (or a single Feature), IETF RFC 7946 §3.2–3.3. A UTF-8 BOM is
 * skipped. Features are numbered from 1 in messages.
 * @example readGeoJson('{"type":"FeatureCollection","features":[…]}')
 */
export function readGeoJson(text: string): ReadRecordsResult {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { ok: false, message: `GeoJSON is not valid JSON: ${(error as Error).message}` };
  }
  const features =
    isObject(json) && json.type === 'Feature' ? [json] : isObject(json) ? json.features : undefined;
  if (!isObject(json) || !Array.isArray(features)) {
    return {
      ok: false,
      message: 'GeoJSON: expected a FeatureCollection with a features list, or a Feature',
    };
  }
  const records: SourceRecord[] = [];
  const columns = new Set<string>();
  for (const [index, feature] of features.entries()) {
    const where = `feature ${index + 1}`;
    if (!isObject(feature) || feature.type !== 'Feature') {
      records.push({
        where,
        field: 'property',
        values: {},
        problem: `${where}: expected a GeoJSON Feature`,
      });
      continue;
    }
    const properties = isObject(feature.properties) ? feature.properties : {};
    for (const key of Object.keys(properties)) columns.add(key);
    records.push({
      where,
      field: 'property',
      values: properties,
      geometry: feature.geometry ?? null,
      featureId: feature.id,
    });
  }
  return { ok: true, columns: [...columns], records };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
