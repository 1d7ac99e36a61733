/**
 * An id (a GBFS system or station id, an open-data record id) as it appears in an entity id:
 * letters, digits, `.`, `_` and `-` kept, anything else percent-encoded (UTF-8), so distinct ids
 * stay distinct.
 * @example idPart('Gare Nord/2') // 'Gare%20Nord%2F2'
 */
export function idPart(id: string): string {
  return id.replace(/[^A-Za-z0-9._-]/gu, (character) =>
    Array.from(
      new TextEncoder().encode(character),
      (byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`,
    ).join(''),
  );
}
