/**
 * The value of a keyValues attribute as a table cell or number shows it: an NGSI-LD DateTime or
 * typed value `{ "@type", "@value" }` becomes its value; anything else stays as it is.
 * @example attributeValue({ '@type': 'DateTime', '@value': '2026-01-01T00:00:00Z' }) // '2026-01-01T00:00:00Z'
 */
export function attributeValue(value: unknown): unknown {
  if (typeof value === 'object' && value !== null && '@value' in value) return value['@value'];
  return value;
}

/** The finite numbers among values. */
export function numbersOf(values: readonly unknown[]): number[] {
  return values
    .map(attributeValue)
    .filter((value): value is number => typeof value === 'number' && Number.isFinite(value));
}
