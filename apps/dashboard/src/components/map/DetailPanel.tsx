'use client';

import { useEffect, useRef, useState } from 'react';
import type { Translate } from '../../i18n/translate.js';
import { LineChart } from '../chart/LineChart.js';
import { numericAttributes } from './feature-store.js';
import type { LayerFeature, MapLayerView } from './map-types.js';
import { entityName, valueAsText } from './popup-template.js';
import { useHistory } from './use-history.js';

/** Attributes not worth charting even when numeric. */
const NOT_CHARTED: ReadonlySet<string> = new Set(['heading', 'location']);

/** Props of {@link DetailPanel}. */
export interface DetailPanelProps {
  layer: MapLayerView;
  feature: LayerFeature;
  t: Translate;
  locale: string;
  onClose: () => void;
}

/**
 * An entity in full: name, id and type, every attribute as text, and a chart of the last 24 h
 * of a numeric attribute the reader picks. Takes the focus when it opens, so keyboard readers
 * land in it.
 * @example <DetailPanel layer={layer} feature={feature} t={t} locale="en" onClose={close} />
 */
export function DetailPanel({ layer, feature, t, locale, onClose }: DetailPanelProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  const candidates = numericAttributes([feature]).filter((name) => !NOT_CHARTED.has(name));
  const preferred =
    layer.choroplethAttribute && candidates.includes(layer.choroplethAttribute)
      ? layer.choroplethAttribute
      : candidates[0];
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  const attribute = chosen && candidates.includes(chosen) ? chosen : preferred;
  const history = useHistory(layer.id, feature.id, attribute);

  useEffect(() => {
    heading.current?.focus();
  }, [feature.id]);

  const properties = Object.entries(feature.properties).sort(([a], [b]) => a.localeCompare(b));
  return (
    <aside className="lc-detail" data-testid="detail-panel" aria-labelledby="lc-detail-title">
      <div className="lc-detail__head">
        <h2 id="lc-detail-title" ref={heading} tabIndex={-1}>
          {entityName(feature.id, feature.properties)}
        </h2>
        <button type="button" className="lc-button lc-button--small" onClick={onClose}>
          {t('close')}
        </button>
      </div>
      <dl className="lc-detail__ids">
        <dt>{t('entityId')}</dt>
        <dd>{feature.id}</dd>
        <dt>{t('entityType')}</dt>
        <dd>{layer.entityType}</dd>
      </dl>
      <section className="lc-detail__chart" aria-label={t('history')}>
        <h3>{t('history')}</h3>
        {attribute ? (
          <>
            <label className="lc-field">
              <span>{t('chartAttribute')}</span>
              <select value={attribute} onChange={(event) => setChosen(event.target.value)}>
                {candidates.map((name) => (
                  <option key={name} value={name}>
                    {name}
                  </option>
                ))}
              </select>
            </label>
            {history.status === 'loading' && <p className="lc-muted">{t('loading')}</p>}
            {history.status === 'error' && <p className="lc-muted">{t('noHistory')}</p>}
            {history.status === 'ready' && history.answer && (
              <LineChart
                points={history.answer.points}
                label={t('chartLabel', { attribute })}
                locale={locale}
                colour={layer.colour}
                emptyText={t('noHistory')}
                testId="detail-chart"
              />
            )}
          </>
        ) : (
          <p className="lc-muted">{t('noNumericAttribute')}</p>
        )}
      </section>
      <table className="lc-detail__attributes">
        <thead>
          <tr>
            <th scope="col">{t('attribute')}</th>
            <th scope="col">{t('value')}</th>
          </tr>
        </thead>
        <tbody>
          {properties.map(([name, value]) => (
            <tr key={name}>
              <th scope="row">{name}</th>
              <td>{valueAsText(value, t('noValue'))}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </aside>
  );
}
