import { cookies, headers } from 'next/headers';
import { localeFromRequest } from './locale-from-request.js';
import { LOCALE_COOKIE, type Locale } from './translate.js';

/**
 * The language of the current request (server components only): cookie, then Accept-Language.
 * @example const locale = await requestLocale();
 */
export async function requestLocale(): Promise<Locale> {
  const [cookieStore, headerList] = await Promise.all([cookies(), headers()]);
  return localeFromRequest(
    cookieStore.get(LOCALE_COOKIE)?.value,
    headerList.get('accept-language'),
  );
}
