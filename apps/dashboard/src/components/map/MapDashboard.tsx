'use client';

import type { Popup } from 'maplibre-gl';
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { translator, type Locale } from '../../i18n/translate.js';
import type { DrawState } from './build-map-layers.js';
import { DetailPanel } from './DetailPanel.js';
import { drawStateOf } from './draw-state.js';
import type { FeatureStore } from './feature-store.js';
import { freeArea, freeAreaOffset, isInside } from './free-area.js';
import { geometryAnchor, type LonLat } from './geometry-anchor.js';
import { LayerPanel } from './LayerPanel.js';
import { Legend } from './Legend.js';
import { legendEntries } from './legend-model.js';
import type { MapViewModel } from './map-types.js';
import { popupContent } from './popup-content.js';
import { popupText } from './popup-template.js';
import { replayCandidates } from './replay-candidates.js';
import { TimeSlider } from './TimeSlider.js';
import { useDrawLayers } from './use-draw-layers.js';
import { useLayerData } from './use-layer-data.js';
import { useMapInteraction } from './use-map-interaction.js';
import { useMapLibre } from './use-maplibre.js';
import { useMapReady } from './use-map-ready.js';
import { useReplay } from './use-replay.js';

/** Must match the phone breakpoint of site.css. */
const PHONE_QUERY = '(max-width: 700px)';

/** Props of {@link MapDashboard}. */
export interface MapDashboardProps {
  view: MapViewModel;
  locale: Locale;
  /** Height in px (a map block); the map fills its parent when omitted (a map page). */
  height?: number;
}

/**
 * A live map dashboard: the map view's basemap and layers, layer toggles with data age, legend,
 * popups (text only), an entity detail panel with a history chart, and a 24-hour replay. On a
 * phone the controls fold into a bottom sheet behind one button.
 *
 * @example <MapDashboard view={mapViewModel} locale="vi" />
 */
export function MapDashboard({ view, locale, height }: MapDashboardProps) {
  const t = useMemo(() => translator(locale), [locale]);
  const panelId = useId();
  const container = useRef<HTMLDivElement>(null);
  const popup = useRef<Popup | null>(null);
  const popupEntity = useRef<{ layerId: string; entityId: string } | null>(null);
  const popupStore = useRef<FeatureStore | undefined>(undefined);
  const { handle, error } = useMapLibre(container, view);
  const map = handle?.map ?? null;
  const data = useLayerData(view.layers);
  const [visible, setVisible] = useState<ReadonlySet<string>>(
    () => new Set(view.layers.map((l) => l.id)),
  );
  const [selected, setSelected] = useState<{ layerId: string; entityId: string } | null>(null);
  const [isPanelOpen, setPanelOpen] = useState(false);

  const candidates = useMemo(() => replayCandidates(view.layers, data), [view.layers, data]);
  const preferred = candidates[0];
  const replay = useReplay(preferred?.layerId, preferred?.attributes[0]);
  const active = replay.active;

  const states = useMemo(() => {
    const result = new Map<string, DrawState>();
    for (const layer of view.layers) {
      const layerData = data.get(layer.id);
      if (!layerData) continue;
      const isReplaying = active?.layerId === layer.id;
      result.set(layer.id, drawStateOf(layer, layerData, active?.domain, isReplaying));
    }
    return result;
  }, [view.layers, data, active]);

  const replayDraw = useMemo(
    () => (active ? { layerId: active.layerId, values: active.values } : undefined),
    [active],
  );
  useDrawLayers({ map, layers: view.layers, data, states, visible, replay: replayDraw });

  /** The popup's content for an entity as the data has it now, or undefined when it is gone. */
  const contentFor = useCallback(
    (layerId: string, entityId: string) => {
      const layer = view.layers.find((l) => l.id === layerId);
      const feature = data.get(layerId)?.store.get(entityId);
      if (!layer || !feature) return undefined;
      const text = popupText(layer.popupTemplate, entityId, feature.properties, t('noValue'));
      return popupContent(document, text, t('openDetails'), () =>
        setSelected({ layerId, entityId }),
      );
    },
    [view.layers, data, t],
  );

  const showPopup = useCallback(
    (layerId: string, entityId: string, at: LonLat | undefined) => {
      popup.current?.remove();
      popup.current = null;
      const content = contentFor(layerId, entityId);
      if (!handle || !content || !at) return;
      popup.current = new handle.maplibre.Popup({ maxWidth: '280px', focusAfterOpen: false })
        .setLngLat(at)
        .setDOMContent(content)
        .addTo(handle.map);
      popupEntity.current = { layerId, entityId };
      popupStore.current = data.get(layerId)?.store;
    },
    [handle, contentFor, data],
  );

  // Live data: the open popup follows its entity's values, and its position when it is a point.
  useEffect(() => {
    const open = popup.current;
    const shown = popupEntity.current;
    const store = shown && data.get(shown.layerId)?.store;
    if (!open?.isOpen() || !shown || !store || store === popupStore.current) return;
    popupStore.current = store;
    const content = contentFor(shown.layerId, shown.entityId);
    if (content) open.setDOMContent(content);
    const geometry = store.get(shown.entityId)?.geometry;
    if (geometry?.type === 'Point') {
      const at = geometryAnchor(geometry);
      if (at) open.setLngLat(at);
    }
  }, [data, contentFor]);

  /** Moves the camera so that `at` is where no panel covers it (always when `force`). */
  const reveal = useCallback(
    (at: LonLat, zoom: number | undefined, force: boolean) => {
      if (!map) return;
      const canvas = map.getCanvas();
      const size = { width: canvas.clientWidth, height: canvas.clientHeight };
      const area = freeArea(size, window.matchMedia(PHONE_QUERY).matches);
      if (!force && isInside(map.project(at), area)) return;
      map.easeTo({ center: at, offset: freeAreaOffset(area, size), ...(zoom ? { zoom } : {}) });
    },
    [map],
  );

  const selectOnMap = useCallback(
    (layerId: string, entityId: string, at: LonLat) => {
      showPopup(layerId, entityId, at);
      setSelected({ layerId, entityId });
      reveal(at, undefined, false);
    },
    [showPopup, reveal],
  );
  useMapInteraction(map, selectOnMap);

  const openFromList = useCallback(
    (layerId: string, entityId: string) => {
      const feature = data.get(layerId)?.store.get(entityId);
      const at = geometryAnchor(feature?.geometry);
      // Clusters split at zoom 16 (clusterMaxZoom 15): go close enough to see the entity itself.
      const isClusteredLayer = view.layers.find((l) => l.id === layerId)?.style === 'clusters';
      if (map && at) reveal(at, Math.max(map.getZoom(), isClusteredLayer ? 16 : 14), true);
      showPopup(layerId, entityId, at);
      setSelected({ layerId, entityId });
      setPanelOpen(false);
    },
    [data, map, showPopup, view.layers, reveal],
  );

  const toggle = useCallback((layerId: string) => {
    setVisible((previous) => {
      const next = new Set(previous);
      if (next.has(layerId)) next.delete(layerId);
      else next.add(layerId);
      return next;
    });
  }, []);

  const isReady = useMapReady(map, view.layers, data);

  const selectedLayer = selected && view.layers.find((l) => l.id === selected.layerId);
  const selectedFeature = selected && data.get(selected.layerId)?.store.get(selected.entityId);
  const closeDetail = useCallback(() => {
    setSelected(null);
    popup.current?.remove();
    popup.current = null;
  }, []);

  return (
    <div
      className={`lc-map${height ? ' lc-map--block' : ''}`}
      style={height ? { height: `${height}px` } : undefined}
      data-ready={isReady ? 'true' : 'false'}
    >
      <div
        ref={container}
        className="lc-map__canvas"
        role="region"
        aria-label={t('mapLabel', { title: view.title })}
        data-testid="map"
      />
      {error && (
        <p className="lc-map__error" role="alert">
          {t('loadError')}
        </p>
      )}
      <button
        type="button"
        className="lc-map__sheet-toggle lc-button"
        aria-expanded={isPanelOpen}
        aria-controls={panelId}
        onClick={() => setPanelOpen((open) => !open)}
      >
        {isPanelOpen ? t('hideControls') : t('showControls')}
      </button>
      <div id={panelId} className="lc-map__panel" data-open={isPanelOpen ? 'true' : 'false'}>
        <LayerPanel
          layers={view.layers}
          data={data}
          visible={visible}
          t={t}
          onToggle={toggle}
          onOpenEntity={openFromList}
        />
        <Legend
          entries={legendEntries(view.layers, visible, states, active?.attribute)}
          t={t}
          locale={locale}
        />
        <TimeSlider candidates={candidates} replay={replay} t={t} locale={locale} />
      </div>
      {selectedLayer && selectedFeature && (
        <DetailPanel
          layer={selectedLayer}
          feature={selectedFeature}
          t={t}
          locale={locale}
          onClose={closeDetail}
        />
      )}
    </div>
  );
}
