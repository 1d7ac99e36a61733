import type { BrokerSummary } from '../../backup/manifest.js';
import { cmsGet, listAll, statusOf, type CmsLayer, type CmsSession } from './cms-session.js';
import { fail, pass, type DrillCheck } from './drill-report.js';

/**
 * Every page and map view loads for the admin (`/pages/<slug>?preview=1`, `/maps/<slug>`: 200),
 * and each layer of a map view whose broker was restored answers its data route (200) — with
 * entities, when it has no filter and the backup holds entities of its type.
 * @example const { checks, notes } = await viewChecks(session, new Set([1]), manifest.broker.summary.entities);
 */
export async function viewChecks(
  session: CmsSession,
  restoredBrokers: ReadonlySet<number>,
  entities: BrokerSummary['entities'],
): Promise<{ checks: DrillCheck[]; notes: string[] }> {
  const checks: DrillCheck[] = [];
  const notes: string[] = [];
  for (const page of await listAll(session, 'pages')) {
    const path = `/pages/${encodeURIComponent(String(page.slug))}`;
    const status = await statusOf(session, `${path}?preview=1`);
    const name = `page ${page.slug}`;
    checks.push(
      status === 200 ? pass(name, `${path} 200`) : fail(name, `${path} answered ${status}`),
    );
  }
  for (const view of await listAll(session, 'map-views')) {
    const path = `/maps/${encodeURIComponent(String(view.slug))}`;
    const status = await statusOf(session, path);
    const problems: string[] = [];
    let features = 0;
    let checked = 0;
    for (const layer of view.layers ?? []) {
      const broker = typeof layer.broker === 'object' ? layer.broker.id : layer.broker;
      if (!restoredBrokers.has(Number(broker))) {
        notes.push(
          `map view ${view.slug}: layer "${layer.label ?? layer.id}" reads a broker that is not in this backup: not checked`,
        );
        continue;
      }
      checked += 1;
      const answer = await layerAnswer(session, layer);
      features += answer.total;
      const expected = entitiesOf(entities, layer.entityType);
      if (answer.status !== 200)
        problems.push(`layer "${layer.label ?? layer.id}" answered ${answer.status}`);
      else if (answer.total === 0 && expected > 0 && !layer.q && !layer.geoQuery?.georel)
        problems.push(
          `layer "${layer.label ?? layer.id}" shows no ${layer.entityType} entity; the backup has ${expected}`,
        );
    }
    const name = `map view ${view.slug}`;
    if (status !== 200) problems.unshift(`${path} answered ${status}`);
    checks.push(
      problems.length > 0
        ? fail(name, problems.join('; '))
        : pass(name, `${path} 200; ${checked} layer data routes 200 with ${features} entities`),
    );
  }
  return { checks, notes };
}

async function layerAnswer(
  session: CmsSession,
  layer: CmsLayer,
): Promise<{ status: number; total: number }> {
  const response = await cmsGet(session, `/api/data/layers/${encodeURIComponent(layer.id)}`).catch(
    () => undefined,
  );
  if (!response) return { status: 0, total: 0 };
  const body = (await response.json().catch(() => ({}))) as { total?: number };
  return { status: response.status, total: typeof body.total === 'number' ? body.total : 0 };
}

/** Entities of a type in every tenant; the layer names the type short, the summary expanded. */
function entitiesOf(entities: BrokerSummary['entities'], type: string | undefined): number {
  if (!type) return 0;
  const matches = (iri: string) =>
    iri === type || iri.endsWith(`/${type}`) || iri.endsWith(`#${type}`);
  return Object.values(entities)
    .flatMap((types) => Object.entries(types))
    .filter(([iri]) => matches(iri))
    .reduce((sum, [, n]) => sum + n, 0);
}
