'use client';

import type { ReactNode } from 'react';
import type { Translate } from '../../i18n/translate.js';
import { DataAgeBadge } from '../common/DataAgeBadge.js';
import type { DataState, RefreshRule } from '../map/data-age.js';
import { BLOCK_RULE } from './use-block-data.js';

/**
 * The card around a data block: its title, its content and its data age with a stale or
 * unreachable badge.
 * @example <BlockFrame id={block.id} title="PM2.5" state={data} t={t}>…</BlockFrame>
 */
export function BlockFrame({
  id,
  kind,
  title,
  state,
  rule = BLOCK_RULE,
  t,
  children,
}: {
  id: string;
  kind: string;
  title?: string;
  state: DataState;
  /** The stale rule; a block refreshed every minute by default. */
  rule?: RefreshRule;
  t: Translate;
  children: ReactNode;
}) {
  return (
    <section
      className={`lc-block lc-block--${kind}`}
      aria-label={title || undefined}
      data-testid={`block-${id}`}
    >
      {title && <h2 className="lc-block__title">{title}</h2>}
      <div className="lc-block__body">{children}</div>
      <DataAgeBadge testId={`data-age-${id}`} state={state} rule={rule} t={t} />
    </section>
  );
}
