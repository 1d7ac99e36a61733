import { notFound } from 'next/navigation.js';
import { MapDashboard } from '../../../../components/map/MapDashboard.js';
import { requestLocale } from '../../../../i18n/server-locale.js';
import { currentUser, loadMapView } from '../../../../site/site.js';

export const dynamic = 'force-dynamic';

/** `/maps/[slug]`: one map view, filling the screen below the header. */
export default async function MapPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const [user, locale] = await Promise.all([currentUser(), requestLocale()]);
  const view = await loadMapView(slug, user);
  if (!view) notFound();
  return (
    <div className="lc-map-page">
      <h1 className="lc-visually-hidden">{view.title}</h1>
      <MapDashboard view={view} locale={locale} />
    </div>
  );
}
