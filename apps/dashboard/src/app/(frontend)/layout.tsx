import type { Metadata } from 'next';
import type React from 'react';
import 'maplibre-gl/dist/maplibre-gl.css';
import './site.css';
import { LanguageSwitcher } from '../../i18n/LanguageSwitcher.js';
import { requestLocale } from '../../i18n/server-locale.js';
import { translate } from '../../i18n/translate.js';

/** A small brick as the site icon, inline, so the browser asks for no /favicon.ico. */
const ICON =
  'data:image/svg+xml,' +
  encodeURIComponent(
    "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 32 32'>" +
      "<rect x='2' y='10' width='28' height='18' rx='3' fill='#0b5cad'/>" +
      "<rect x='7' y='5' width='7' height='6' rx='2' fill='#0b5cad'/>" +
      "<rect x='18' y='5' width='7' height='6' rx='2' fill='#0b5cad'/></svg>",
  );

/** Title, description and icon of the public site. */
export const metadata: Metadata = {
  title: 'LegoCity',
  description: 'Live city data on maps and dashboards.',
  icons: { icon: ICON },
};

/**
 * Root layout of the public site (route groups each have their own root layout): the page
 * language from the reader's choice, a skip link, the header with the language switcher and
 * the staff sign-in link.
 */
export default async function FrontendLayout({ children }: { children: React.ReactNode }) {
  const locale = await requestLocale();
  return (
    <html lang={locale}>
      <body className="lc-body">
        <a className="lc-skip-link" href="#main">
          {translate(locale, 'skipToContent')}
        </a>
        <header className="lc-header">
          <a className="lc-header__brand" href="/">
            {translate(locale, 'siteName')}
          </a>
          <nav className="lc-header__nav" aria-label={translate(locale, 'siteName')}>
            <LanguageSwitcher locale={locale} />
            <a className="lc-header__signin" href="/admin">
              {translate(locale, 'signIn')}
            </a>
          </nav>
        </header>
        <main id="main" className="lc-main" tabIndex={-1}>
          {children}
        </main>
      </body>
    </html>
  );
}
