'use client';

import { useMemo } from 'react';
import { translator, type Locale } from '../../i18n/translate.js';
import { MapDashboard } from '../map/MapDashboard.js';
import type { BlockView } from './block-types.js';
import { KpiBlock } from './KpiBlock.js';
import { TableBlock } from './TableBlock.js';
import { TimeSeriesBlock } from './TimeSeriesBlock.js';

/** Rich text arrives as plain paragraphs separated by blank lines; each becomes a <p>. */
function RichText({ text }: { text: string }) {
  const paragraphs = text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  return (
    <div className="lc-block lc-block--text">
      {paragraphs.map((paragraph, index) => (
        <p key={index}>{paragraph}</p>
      ))}
    </div>
  );
}

/**
 * The blocks of a page, in order. KPI cards sit side by side in a grid; maps, tables, charts
 * and text take the full width.
 * @example <PageBlocks blocks={page.blocks} locale="en" />
 */
export function PageBlocks({ blocks, locale }: { blocks: BlockView[]; locale: Locale }) {
  const t = useMemo(() => translator(locale), [locale]);
  return (
    <div className="lc-blocks">
      {blocks.map((block) => {
        switch (block.blockType) {
          case 'kpi':
            return (
              <KpiBlock
                key={block.id}
                id={block.id}
                title={block.title}
                unit={block.unit}
                thresholds={block.thresholds}
                t={t}
                locale={locale}
              />
            );
          case 'table':
            return (
              <TableBlock
                key={block.id}
                id={block.id}
                title={block.title}
                columns={block.columns}
                t={t}
              />
            );
          case 'timeSeries':
            return (
              <TimeSeriesBlock
                key={block.id}
                id={block.id}
                title={block.title}
                attribute={block.attribute}
                t={t}
                locale={locale}
              />
            );
          case 'map':
            return (
              <section
                key={block.id}
                className="lc-block lc-block--map"
                aria-label={block.map.title}
              >
                <MapDashboard view={block.map} locale={locale} height={block.height} />
              </section>
            );
          case 'richText':
            return <RichText key={block.id} text={block.text} />;
          default:
            return null;
        }
      })}
    </div>
  );
}
