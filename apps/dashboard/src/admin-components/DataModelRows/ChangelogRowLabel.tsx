'use client';
import { useRowLabel } from '@payloadcms/ui';
import React from 'react';
import { changelogRowLabel, type ChangelogRowData } from './row-labels.js';

/** Row label of a data model's changelog entry: version, time and who. */
export const ChangelogRowLabel: React.FC = () => {
  const { data, rowNumber } = useRowLabel<ChangelogRowData>();
  return <span>{changelogRowLabel(data, (rowNumber ?? 0) + 1)}</span>;
};
