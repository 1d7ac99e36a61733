'use client';

import { LOCALE_COOKIE, LOCALES, translate, type Locale } from './translate.js';

/** One year, in seconds: how long the language choice is remembered. */
const COOKIE_MAX_AGE = 60 * 60 * 24 * 365;

/**
 * A language picker: stores the choice in the `legocity-lang` cookie and reloads the page, so
 * server-rendered text follows it too.
 *
 * @example <LanguageSwitcher locale="en" />
 */
export function LanguageSwitcher({ locale }: { locale: Locale }) {
  const choose = (next: string) => {
    if (next === locale) return;
    document.cookie = `${LOCALE_COOKIE}=${encodeURIComponent(next)}; path=/; max-age=${COOKIE_MAX_AGE}; samesite=lax`;
    window.location.reload();
  };
  return (
    <label className="lc-language">
      <span className="lc-visually-hidden">{translate(locale, 'language')}</span>
      <select
        value={locale}
        onChange={(event) => choose(event.target.value)}
        data-testid="language-switcher"
      >
        {LOCALES.map((option) => (
          <option key={option} value={option} lang={option}>
            {translate(locale, `languageName_${option}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
