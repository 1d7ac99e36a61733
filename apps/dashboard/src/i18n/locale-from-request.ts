import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE, LOCALES, type Locale } from './translate.js';

/** The value of the language cookie in a `Cookie` header, or the value itself when given alone. */
function cookieValue(cookie: string): string | undefined {
  if (!cookie.includes('=')) return cookie.trim();
  for (const part of cookie.split(';')) {
    const [name, ...rest] = part.split('=');
    if (name?.trim() === LOCALE_COOKIE) return rest.join('=').trim();
  }
  return undefined;
}

/** Languages of an Accept-Language header, best first (ties keep the header's order). */
function acceptedLanguages(header: string): string[] {
  return header
    .split(',')
    .map((entry, index) => {
      const [tag = '', ...params] = entry.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const weight = q === undefined ? 1 : Number(q.slice(2));
      return { tag: tag.trim().toLowerCase(), weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((entry) => entry.tag !== '' && entry.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index)
    .map((entry) => entry.tag);
}

/**
 * The reader's language: the `legocity-lang` cookie when it names a known language, else the
 * best Accept-Language match (`vi-VN` counts as `vi`), else English.
 *
 * @param cookie - the cookie's value, or a whole `Cookie` header
 * @param acceptLanguage - the Accept-Language header
 * @example localeFromRequest(undefined, 'vi-VN,vi;q=0.9,en;q=0.8') // 'vi'
 */
export function localeFromRequest(
  cookie: string | null | undefined,
  acceptLanguage: string | null | undefined,
): Locale {
  const chosen = cookie ? cookieValue(cookie) : undefined;
  if (isLocale(chosen)) return chosen;
  for (const tag of acceptedLanguages(acceptLanguage ?? '')) {
    const primary = tag.split('-')[0];
    const match = LOCALES.find((locale) => locale === primary);
    if (match) return match;
  }
  return DEFAULT_LOCALE;
}
