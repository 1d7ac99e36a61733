/** Languages of the public site: catalogues, lookup and the reader's choice. */
export {
  DEFAULT_LOCALE,
  isLocale,
  LOCALE_COOKIE,
  LOCALES,
  translate,
  translator,
} from './translate.js';
export type { Locale, MessageKey, Translate } from './translate.js';
export { localeFromRequest } from './locale-from-request.js';
