'use client';

import type { Translate } from '../../i18n/translate.js';
import { LineChart } from '../chart/LineChart.js';
import type { TimeSeriesAnswer } from './block-types.js';
import { BlockFrame } from './BlockFrame.js';
import { isoDurationSeconds } from './iso-duration.js';
import { BLOCK_REFRESH_SECONDS, useBlockData } from './use-block-data.js';

/**
 * A chart of one attribute over time, from the broker's temporal API through the proxy.
 * @example <TimeSeriesBlock id="b3" title="Water level" attribute="currentLevel" t={t} locale="vi" />
 */
export function TimeSeriesBlock({
  id,
  title,
  attribute,
  t,
  locale,
}: {
  id: string;
  title?: string;
  attribute: string;
  t: Translate;
  locale: string;
}) {
  const data = useBlockData<TimeSeriesAnswer>(id);
  // The newest point of an hourly series starts up to an hour ago: judge it by its period.
  const period = isoDurationSeconds(data.answer?.period) ?? BLOCK_REFRESH_SECONDS;
  const rule = { refresh: 'interval', refreshSeconds: period } as const;
  return (
    <BlockFrame id={id} kind="time-series" title={title} state={data} rule={rule} t={t}>
      {data.answer ? (
        <LineChart
          points={data.answer.points}
          label={t('chartLabel', { attribute: title || attribute })}
          locale={locale}
          emptyText={t('chartEmpty')}
          size="wide"
        />
      ) : (
        <p className="lc-muted">
          {data.hasLoaded || data.hasError || data.isUnreachable ? t('chartEmpty') : t('loading')}
        </p>
      )}
    </BlockFrame>
  );
}
