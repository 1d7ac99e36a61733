'use client';

import type { Translate } from '../../i18n/translate.js';
import { DataAgeBadge } from '../common/DataAgeBadge.js';
import { EntityList } from './EntityList.js';
import type { MapLayerView } from './map-types.js';
import { EMPTY_LAYER_DATA, type LayerData } from './use-layer-data.js';

/** Props of {@link LayerPanel}. */
export interface LayerPanelProps {
  layers: readonly MapLayerView[];
  data: ReadonlyMap<string, LayerData>;
  visible: ReadonlySet<string>;
  t: Translate;
  onToggle: (layerId: string) => void;
  onOpenEntity: (layerId: string, entityId: string) => void;
}

/**
 * One row per layer: a toggle button (aria-pressed) with the layer's colour and entity count,
 * the data age with its stale / unreachable badge, and the collapsed list of entities.
 * @example <LayerPanel layers={view.layers} data={data} visible={visible} t={t} onToggle={toggle} onOpenEntity={open} />
 */
export function LayerPanel({ layers, data, visible, t, onToggle, onOpenEntity }: LayerPanelProps) {
  return (
    <section className="lc-layers" aria-labelledby="lc-layers-title">
      <h2 id="lc-layers-title" className="lc-panel__heading">
        {t('layers')}
      </h2>
      <ul className="lc-layers__list">
        {layers.map((layer) => {
          const layerData = data.get(layer.id) ?? EMPTY_LAYER_DATA;
          const isOn = visible.has(layer.id);
          return (
            <li key={layer.id} className="lc-layer">
              <button
                type="button"
                className="lc-layer__toggle"
                aria-pressed={isOn}
                title={t('layerToggle', { label: layer.label })}
                data-testid={`layer-toggle-${layer.id}`}
                onClick={() => onToggle(layer.id)}
              >
                <span
                  className="lc-layer__dot"
                  style={{
                    background: isOn ? layer.colour : 'transparent',
                    borderColor: layer.colour,
                  }}
                  aria-hidden="true"
                />
                <span className="lc-layer__label">{layer.label}</span>
                {layerData.hasLoaded && (
                  <span className="lc-layer__count">
                    {t('entityCount', { n: layerData.total })}
                  </span>
                )}
              </button>
              <div className="lc-layer__meta">
                <DataAgeBadge
                  testId={`data-age-${layer.id}`}
                  state={layerData}
                  rule={layer}
                  t={t}
                />
                {layer.refresh === 'live' && layerData.mode === 'live' && (
                  <span className="lc-badge lc-badge--live">{t('live')}</span>
                )}
                {layerData.isAggregated && (
                  <span className="lc-badge lc-badge--info">{t('aggregated')}</span>
                )}
              </div>
              {layerData.hasLoaded && !layerData.isAggregated && layerData.store.size > 0 && (
                <EntityList
                  layerId={layer.id}
                  label={layer.label}
                  store={layerData.store}
                  t={t}
                  onOpen={onOpenEntity}
                />
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
