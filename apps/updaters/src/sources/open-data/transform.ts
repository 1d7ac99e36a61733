import type { EntityBody } from '@legocity/broker-client';
import { mapRecord } from './map-record.js';
import type { Mapping } from './mapping.js';
import { readCsv, readGeoJson } from './records.js';

/** Entities of the rows that could be mapped, every bad row's problems, or why nothing could. */
export type OpenDataTransformResult =
  { ok: true; entities: EntityBody[]; problems: string[] } | { ok: false; message: string };

/**
 * Turns a CSV or GeoJSON file into entities following `mapping`. Pure. Bad rows are reported by
 * line (CSV) or feature number (GeoJSON) and left out; the rest are kept. A column the mapping
 * needs that the header lacks, or a file that cannot be parsed at all, stops the whole file.
 * A row whose id repeats an earlier row's is reported and left out.
 * @example transformOpenData(csvText, mapping) // { ok: true, entities: [...], problems: ['line 14: column "capacity": expected an integer, got "abc"'] }
 */
export function transformOpenData(text: string, mapping: Mapping): OpenDataTransformResult {
  const read = mapping.format === 'csv' ? readCsv(text, mapping.delimiter) : readGeoJson(text);
  if (!read.ok) return read;
  if (mapping.format === 'csv') {
    const missing = neededColumns(mapping).filter((column) => !read.columns.includes(column));
    if (missing.length > 0) {
      return {
        ok: false,
        message: `CSV header lacks ${missing.map((column) => `column "${column}"`).join(', ')} (it has: ${read.columns.join(', ')})`,
      };
    }
  }
  const problems: string[] = [];
  const entities: EntityBody[] = [];
  const seen = new Map<string, string>();
  for (const record of read.records) {
    if (record.problem !== undefined) {
      problems.push(record.problem);
      continue;
    }
    const mapped = mapRecord(record, mapping);
    if (!mapped.ok) {
      problems.push(...mapped.problems);
      continue;
    }
    const first = seen.get(mapped.value.id);
    if (first !== undefined) {
      problems.push(`${record.where}: entity id ${mapped.value.id} repeats ${first}`);
      continue;
    }
    seen.set(mapped.value.id, record.where);
    entities.push(mapped.value);
  }
  return { ok: true, entities, problems };
}

/** Every CSV column the mapping reads. */
function neededColumns(mapping: Mapping): string[] {
  const columns = mapping.attributes.map((attribute) => attribute.column);
  const { entityId, location } = mapping;
  if ('column' in entityId) columns.push(entityId.column);
  if ('template' in entityId) {
    for (const match of entityId.template.matchAll(/\{([^}]+)\}/g))
      if (match[1]) columns.push(match[1]);
  }
  if (location) columns.push(...Object.values(location));
  if (mapping.observedAt !== undefined) columns.push(mapping.observedAt);
  return [...new Set(columns)];
}
