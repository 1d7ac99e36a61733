'use client';
import { useRowLabel } from '@payloadcms/ui';
import React from 'react';
import { attributeRowLabel, type AttributeRowData } from './row-labels.js';

/** Row label of a data model's attribute: name, types, and its lifecycle when deprecated. */
export const AttributeRowLabel: React.FC = () => {
  const { data, rowNumber } = useRowLabel<AttributeRowData>();
  return <span>{attributeRowLabel(data, (rowNumber ?? 0) + 1)}</span>;
};
