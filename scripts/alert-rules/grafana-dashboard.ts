/**
 * deploy/grafana/legocity.json, generated (`npm run docs:alerts`) so its panels stay compact
 * here and valid there. The data source is the dashboard variable `datasource`, chosen on import.
 * test/docs/grafana-dashboard.test.ts checks every metric it queries is exported by a component.
 */
import { SECTIONS, type PanelSpec } from './grafana-panels.js';

export const DASHBOARD_FILE = 'deploy/grafana/legocity.json';

const DATASOURCE = { type: 'prometheus', uid: '${datasource}' };
/**
 * The dashboard JSON text (Grafana 10+, schemaVersion 39).
 * @example writeFileSync(DASHBOARD_FILE, renderDashboard())
 */
export function renderDashboard(): string {
  const panels: object[] = [];
  let id = 1;
  let y = 0;
  for (const section of SECTIONS) {
    panels.push({
      id: id++,
      type: 'row',
      title: section.title,
      collapsed: false,
      gridPos: { x: 0, y, w: 24, h: 1 },
      panels: [],
    });
    y += 1;
    let x = 0;
    for (const spec of section.panels) {
      const w = spec.width ?? 8;
      if (x + w > 24) {
        x = 0;
        y += 8;
      }
      panels.push(panel(id++, spec, { x, y, w, h: 8 }));
      x += w;
    }
    y += 8;
  }
  const dashboard = {
    uid: 'legocity-overview',
    title: 'LegoCity',
    description: 'LegoCity platform: components, broker data, update servers, host, alerts.',
    tags: ['legocity'],
    timezone: 'browser',
    editable: true,
    schemaVersion: 39,
    version: 1,
    refresh: '30s',
    time: { from: 'now-6h', to: 'now' },
    templating: {
      list: [
        {
          name: 'datasource',
          label: 'Prometheus',
          type: 'datasource',
          query: 'prometheus',
          current: {},
          hide: 0,
        },
      ],
    },
    annotations: { list: [] },
    panels,
  };
  return `${JSON.stringify(dashboard, null, 2)}\n`;
}

function panel(
  id: number,
  spec: PanelSpec,
  gridPos: { x: number; y: number; w: number; h: number },
) {
  const type = spec.type ?? 'timeseries';
  return {
    id,
    type,
    title: spec.title,
    gridPos,
    datasource: DATASOURCE,
    targets: spec.queries.map((query, index) => ({
      refId: String.fromCharCode(65 + index),
      datasource: DATASOURCE,
      expr: query.expr,
      legendFormat: query.legend,
      ...(type === 'table' && { instant: true, format: 'table' }),
    })),
    fieldConfig: { defaults: { unit: spec.unit ?? 'short' }, overrides: [] },
    options:
      type === 'timeseries'
        ? { legend: { displayMode: 'list', placement: 'bottom' }, tooltip: { mode: 'multi' } }
        : {},
  };
}
