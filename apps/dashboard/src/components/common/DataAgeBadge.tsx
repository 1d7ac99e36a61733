'use client';

import type { Translate } from '../../i18n/translate.js';
import {
  ageSeconds,
  dataAgeText,
  dataStatus,
  type DataState,
  type RefreshRule,
} from '../map/data-age.js';
import { useNow } from './use-now.js';

/** Props of {@link DataAgeBadge}. */
export interface DataAgeBadgeProps {
  testId: string;
  state: DataState;
  rule: RefreshRule;
  t: Translate;
}

/**
 * "Updated 40 s ago", plus a clear badge when the data is stale, the source is unreachable or
 * the last request failed. `data-status` carries the status for tests and styles.
 *
 * @example <DataAgeBadge testId="data-age-L1" state={state} rule={layer} t={t} />
 */
export function DataAgeBadge({ testId, state, rule, t }: DataAgeBadgeProps) {
  const now = useNow(5000);
  const status = dataStatus(state, rule, now);
  const age =
    status === 'loading' ? t('loading') : dataAgeText(t, ageSeconds(state.newestChangeAt, now));
  const badge =
    status === 'stale'
      ? t('stale')
      : status === 'unreachable'
        ? t('unreachable')
        : status === 'error'
          ? t('loadError')
          : undefined;
  return (
    <span className={`lc-age lc-age--${status}`} data-testid={testId} data-status={status}>
      <span className="lc-age__text">{age}</span>
      {badge && <span className="lc-badge">{badge}</span>}
    </span>
  );
}
