'use client';

import type { CSSProperties } from 'react';
import type { Translate } from '../../i18n/translate.js';
import { formatNumber } from '../blocks/kpi-colour.js';
import type { LegendEntry } from './legend-model.js';

function Swatch({ entry }: { entry: LegendEntry }) {
  return (
    <span
      className={`lc-swatch lc-swatch--${entry.swatch}`}
      style={{ '--lc-colour': entry.colour } as CSSProperties}
      aria-hidden="true"
    />
  );
}

/**
 * The legend of the visible layers: a mark per layer in its colour, and for ramps the colour
 * steps with the lowest and highest value; aggregated layers say so.
 * @example <Legend entries={legendEntries(layers, visible, states)} t={t} locale="en" />
 */
export function Legend({
  entries,
  t,
  locale,
}: {
  entries: LegendEntry[];
  t: Translate;
  locale: string;
}) {
  return (
    <section className="lc-legend" data-testid="legend" aria-labelledby="lc-legend-title">
      <h2 id="lc-legend-title" className="lc-panel__heading">
        {t('legend')}
      </h2>
      <ul className="lc-legend__list">
        {entries.map((entry) => (
          <li key={entry.layerId} className="lc-legend__entry">
            <span className="lc-legend__name">
              <Swatch entry={entry} />
              {entry.label}
              {entry.isAggregated && (
                <span className="lc-badge lc-badge--info">{t('aggregated')}</span>
              )}
            </span>
            {entry.ramp && (
              <span className="lc-ramp">
                <span className="lc-ramp__attribute">
                  {entry.isAggregated ? t('legendCount') : entry.ramp.attribute}
                </span>
                <span className="lc-ramp__bar" aria-hidden="true">
                  {entry.ramp.steps.map((step) => (
                    <span key={step.value} style={{ background: step.colour }} />
                  ))}
                </span>
                <span className="lc-ramp__ends">
                  <span>{formatNumber(entry.ramp.steps[0]!.value, locale)}</span>
                  <span>{formatNumber(entry.ramp.steps.at(-1)!.value, locale)}</span>
                </span>
              </span>
            )}
          </li>
        ))}
      </ul>
      {entries.some((entry) => entry.isAggregated) && (
        <p className="lc-muted">{t('aggregatedNote')}</p>
      )}
    </section>
  );
}
