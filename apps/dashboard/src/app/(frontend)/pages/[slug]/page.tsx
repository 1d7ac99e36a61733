import { notFound } from 'next/navigation.js';
import { PageBlocks } from '../../../../components/blocks/PageBlocks.js';
import { requestLocale } from '../../../../i18n/server-locale.js';
import { currentUser, loadPage } from '../../../../site/site.js';

export const dynamic = 'force-dynamic';

/** `/pages/[slug]`: a page of blocks; `?preview=1` shows the draft to signed-in editors. */
export default async function BlocksPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [{ slug }, query] = await Promise.all([params, searchParams]);
  const [user, locale] = await Promise.all([currentUser(), requestLocale()]);
  const page = await loadPage(slug, user, query.preview === '1');
  if (!page) notFound();
  return (
    <div className="lc-page">
      <h1 className="lc-page__title">{page.title}</h1>
      <PageBlocks blocks={page.blocks} locale={locale} />
    </div>
  );
}
