'use client';

import type { Translate } from '../../i18n/translate.js';
import type { KpiAnswer, KpiThreshold } from './block-types.js';
import { BlockFrame } from './BlockFrame.js';
import { formatNumber, kpiColour } from './kpi-colour.js';
import { useBlockData } from './use-block-data.js';

/** Props of {@link KpiBlock}. */
export interface KpiBlockProps {
  id: string;
  title?: string;
  unit?: string;
  thresholds: KpiThreshold[];
  t: Translate;
  locale: string;
}

function trendText(trend: number | undefined, t: Translate, locale: string): string | undefined {
  if (trend === undefined || !Number.isFinite(trend)) return undefined;
  if (trend === 0) return t('kpiTrendFlat');
  const n = formatNumber(Math.abs(trend), locale);
  return trend > 0 ? t('kpiTrendUp', { n }) : t('kpiTrendDown', { n });
}

/**
 * A KPI card: one value with its unit, coloured by the highest threshold it reaches, its trend
 * and the number of entities it comes from.
 * @example <KpiBlock id="b1" title="PM2.5" unit="µg/m³" thresholds={[]} t={t} locale="en" />
 */
export function KpiBlock({ id, title, unit, thresholds, t, locale }: KpiBlockProps) {
  const data = useBlockData<KpiAnswer>(id);
  const answer = data.answer;
  const colour = kpiColour(answer?.value, thresholds);
  const trend = trendText(answer?.trend, t, locale);
  const shownUnit = unit || answer?.unit;
  return (
    <BlockFrame id={id} kind="kpi" title={title} state={data} t={t}>
      {!answer ? (
        <p className="lc-muted">
          {data.hasLoaded || data.hasError || data.isUnreachable ? t('noValue') : t('loading')}
        </p>
      ) : (
        <>
          <p className="lc-kpi__value" style={colour ? { borderColor: colour } : undefined}>
            {colour && (
              <span className="lc-kpi__dot" style={{ background: colour }} aria-hidden="true" />
            )}
            <span data-testid={`kpi-value-${id}`}>
              {answer.value === null ? t('noValue') : formatNumber(answer.value, locale)}
            </span>
            {shownUnit && <span className="lc-kpi__unit"> {shownUnit}</span>}
          </p>
          <p className="lc-muted">
            {trend && <span className="lc-kpi__trend">{trend} · </span>}
            {t('kpiFrom', { n: answer.count })}
          </p>
        </>
      )}
    </BlockFrame>
  );
}
