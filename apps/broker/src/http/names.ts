import { NgsiLdError, parseAttributeList } from '@legocity/ngsi-ld';

/**
 * A comma-separated list of attribute names from a query parameter (attrs, pick, omit); every
 * problem is reported at once.
 * @example parseNames('temperature,humidity', 'attrs') // ['temperature', 'humidity']
 */
export function parseNames(raw: string, field: string): string[] {
  const parsed = parseAttributeList(raw, field);
  if (!parsed.ok) throw NgsiLdError.fromProblems('BadRequestData', parsed.problems);
  return parsed.value;
}
