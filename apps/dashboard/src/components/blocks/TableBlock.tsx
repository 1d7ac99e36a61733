'use client';

import type { Translate } from '../../i18n/translate.js';
import { valueAsText } from '../map/popup-template.js';
import type { TableAnswer } from './block-types.js';
import { BlockFrame } from './BlockFrame.js';
import { useBlockData } from './use-block-data.js';

/**
 * A table of entities, one column per attribute; every cell is text. Scrolls sideways inside
 * its card on narrow screens, never the page.
 * @example <TableBlock id="b2" title="Car parks" columns={['name', 'availableSpotNumber']} t={t} />
 */
export function TableBlock({
  id,
  title,
  columns,
  t,
}: {
  id: string;
  title?: string;
  columns: string[];
  t: Translate;
}) {
  const data = useBlockData<TableAnswer>(id);
  const answer = data.answer;
  const shown = answer?.columns?.length ? answer.columns : columns;
  return (
    <BlockFrame id={id} kind="table" title={title} state={data} t={t}>
      {!answer ? (
        <p className="lc-muted">
          {data.hasLoaded || data.hasError || data.isUnreachable ? t('tableEmpty') : t('loading')}
        </p>
      ) : answer.rows.length === 0 ? (
        <p className="lc-muted">{t('tableEmpty')}</p>
      ) : (
        <>
          <div
            className="lc-table-scroll"
            tabIndex={0}
            role="group"
            aria-label={title || t('entities')}
          >
            <table className="lc-table">
              <thead>
                <tr>
                  {shown.map((column) => (
                    <th key={column} scope="col">
                      {column}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {answer.rows.map((row) => (
                  <tr key={row.id}>
                    {shown.map((column) => (
                      <td key={column}>{valueAsText(row.values[column], t('noValue'))}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {answer.total > answer.rows.length && (
            <p className="lc-muted">
              {t('tableTotal', { shown: answer.rows.length, total: answer.total })}
            </p>
          )}
        </>
      )}
    </BlockFrame>
  );
}
