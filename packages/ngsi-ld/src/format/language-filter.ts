/** One language range of a lang parameter with its quality value. */
export interface LanguageRange {
  /** Lower-case range: a BCP 47 tag, a prefix of one, or "*". */
  range: string;
  quality: number;
}

/**
 * Parse a §4.15 language filter ("fr-CH,fr;q=0.9,en;q=0.8,*;q=0.5") into ranges, best first.
 * Ranges with q=0 are dropped; malformed entries are ignored (the broker validates the parameter).
 * @example parseLanguageFilter('fr;q=0.5,en') // [{ range: 'en', quality: 1 }, { range: 'fr', quality: 0.5 }]
 */
export function parseLanguageFilter(lang: string): LanguageRange[] {
  const ranges: LanguageRange[] = [];
  for (const entry of lang.split(',')) {
    const [rawRange = '', ...parameters] = entry.split(';').map((part) => part.trim());
    let quality = 1;
    for (const parameter of parameters) {
      if (parameter.toLowerCase().startsWith('q=')) quality = Number(parameter.slice(2));
    }
    if (rawRange !== '' && Number.isFinite(quality) && quality > 0)
      ranges.push({ range: rawRange.toLowerCase(), quality });
  }
  // Array.prototype.sort is stable: equal qualities keep the order the client gave.
  return ranges.sort((a, b) => b.quality - a.quality);
}

/**
 * The language tag of a LanguageProperty's languageMap to show for the ranges: the first range
 * that matches a tag exactly or as a prefix ("fr" matches "fr-CH"); "*" matches any. With no
 * match the spec says to "default to any supported language": "@none" when present, else the first.
 * @example selectLanguage({ en: 'yes', fr: 'oui' }, parseLanguageFilter('fr-CH,fr')) // 'fr'
 */
export function selectLanguage(
  languageMap: Readonly<Record<string, string | string[]>>,
  ranges: readonly LanguageRange[],
): string | undefined {
  const tags = Object.keys(languageMap);
  const fallback = '@none' in languageMap ? '@none' : tags[0];
  for (const { range } of ranges) {
    if (range === '*') return fallback;
    const exact = tags.find((tag) => tag.toLowerCase() === range);
    if (exact !== undefined) return exact;
    const narrower = tags.find((tag) => tag.toLowerCase().startsWith(`${range}-`));
    if (narrower !== undefined) return narrower;
  }
  return fallback;
}
