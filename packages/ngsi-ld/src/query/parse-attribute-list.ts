import type { Problem } from '../errors/ngsi-ld-error.js';
import { fail, ok, type Parsed } from '../errors/result.js';
import { isValidAttributeName } from './attribute-name.js';

/**
 * Parse a comma-separated list of attribute names: `attrs`, `pick`, `omit`
 * (ETSI GS CIM 009 v1.8.1 §5.7.2, Query Entities). Checks every name (§4.6.2), reports empty entries,
 * and drops repeats, keeping the first. Names are not expanded.
 * @example parseAttributeList('temperature,humidity,temperature', 'attrs') // { ok: true, value: ['temperature', 'humidity'] }
 */
export function parseAttributeList(text: string, field: string): Parsed<string[]> {
  if (text === '') return fail({ field, message: 'must name at least one attribute' });
  const problems: Problem[] = [];
  const names = new Set<string>();
  text.split(',').forEach((entry, index) => {
    if (entry === '') {
      problems.push({
        field,
        message: `entry ${index + 1} is empty (two commas in a row, or a comma at an end)`,
      });
    } else if (!isValidAttributeName(entry)) {
      problems.push({
        field,
        message: `'${entry}' is not a valid attribute name (a letter followed by letters, digits or '_', a compact IRI or an absolute IRI)`,
      });
    } else {
      names.add(entry);
    }
  });
  return problems.length > 0 ? fail(problems) : ok([...names]);
}
