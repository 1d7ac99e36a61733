import { MapDashboard } from '../../components/map/MapDashboard.js';
import { PageBlocks } from '../../components/blocks/PageBlocks.js';
import { requestLocale } from '../../i18n/server-locale.js';
import { translate } from '../../i18n/translate.js';
import { currentUser, loadHome } from '../../site/site.js';

export const dynamic = 'force-dynamic';

/** `/`: the page `home` when published, else the first public map view, else a welcome. */
export default async function HomePage() {
  const [user, locale] = await Promise.all([currentUser(), requestLocale()]);
  const home = await loadHome(user);
  if (home?.kind === 'page') {
    return (
      <div className="lc-page">
        <h1 className="lc-page__title">{home.page.title}</h1>
        <PageBlocks blocks={home.page.blocks} locale={locale} />
      </div>
    );
  }
  if (home?.kind === 'map') {
    return (
      <div className="lc-map-page">
        <h1 className="lc-visually-hidden">{home.map.title}</h1>
        <MapDashboard view={home.map} locale={locale} />
      </div>
    );
  }
  return (
    <div className="lc-page lc-welcome">
      <h1 className="lc-page__title">{translate(locale, 'welcomeTitle')}</h1>
      <p>{translate(locale, 'welcomeText')}</p>
    </div>
  );
}
