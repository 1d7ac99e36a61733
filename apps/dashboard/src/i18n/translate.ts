import { en, type MessageKey } from './messages-en.js';
import { vi } from './messages-vi.js';

/** The languages of the public site; the first is the default. */
export const LOCALES = ['en', 'vi'] as const;
/** One language of the public site. */
export type Locale = (typeof LOCALES)[number];
/** The language used when nothing else is known. */
export const DEFAULT_LOCALE: Locale = 'en';
/** Cookie that remembers the reader's choice of language. */
export const LOCALE_COOKIE = 'legocity-lang';

export type { MessageKey };

const CATALOGUES: Record<Locale, Record<MessageKey, string>> = { en, vi };

/** True when `value` is one of {@link LOCALES}. */
export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/**
 * The message `key` in `locale`, with each `{name}` replaced by `params[name]` as text. A
 * placeholder without a parameter stays as written, so a missing value is visible, not blank.
 *
 * @example translate('vi', 'updatedSeconds', { n: 40 }) // 'Cập nhật 40 giây trước'
 */
export function translate(
  locale: Locale,
  key: MessageKey,
  params: Record<string, string | number> = {},
): string {
  const template = CATALOGUES[locale][key] ?? en[key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}

/** A translator bound to one locale, as components use it. */
export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/**
 * Binds {@link translate} to a locale.
 * @example const t = translator('en'); t('loading') // 'Loading…'
 */
export function translator(locale: Locale): Translate {
  return (key, params) => translate(locale, key, params);
}
