import type { Block } from 'payload';
import {
  attributeField,
  brokerField,
  colourField,
  entityTypeField,
} from '../fields/broker-query-fields.js';

/** A single value with its unit, trend and threshold colours. */
export const KpiBlock: Block = {
  slug: 'kpi',
  labels: { singular: 'KPI card', plural: 'KPI cards' },
  fields: [
    { name: 'title', type: 'text' },
    { type: 'row', fields: [brokerField, entityTypeField] },
    { type: 'row', fields: [attributeField('attribute'), { name: 'unit', type: 'text' }] },
    {
      name: 'aggregate',
      type: 'select',
      defaultValue: 'avg',
      options: ['avg', 'min', 'max', 'sum', 'count'],
      admin: { description: 'How the values of all matching entities become one number.' },
    },
    {
      name: 'thresholds',
      type: 'array',
      admin: { description: 'Colour from the highest threshold the value reaches.' },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'from', type: 'number', required: true },
            colourField('colour', '#2ca02c'),
          ],
        },
      ],
    },
  ],
};

/** A chart of one attribute of one entity from the broker's temporal API. */
export const TimeSeriesBlock: Block = {
  slug: 'timeSeries',
  labels: { singular: 'Time series', plural: 'Time series' },
  fields: [
    { name: 'title', type: 'text' },
    brokerField,
    {
      type: 'row',
      fields: [{ name: 'entityId', type: 'text', required: true }, attributeField('attribute')],
    },
    {
      type: 'row',
      fields: [
        {
          name: 'aggregationPeriod',
          type: 'select',
          defaultValue: 'PT1H',
          options: [
            { label: 'Raw values', value: 'none' },
            { label: '5 minutes', value: 'PT5M' },
            { label: '1 hour', value: 'PT1H' },
            { label: '1 day', value: 'P1D' },
          ],
        },
        {
          name: 'aggregationMethod',
          type: 'select',
          defaultValue: 'avg',
          options: ['avg', 'min', 'max', 'sum', 'totalCount'],
        },
        { name: 'lastHours', type: 'number', min: 1, max: 24 * 90, defaultValue: 24 },
      ],
    },
  ],
};

/** A table of the entities of one type, one column per attribute. */
export const TableBlock: Block = {
  slug: 'table',
  labels: { singular: 'Entity table', plural: 'Entity tables' },
  fields: [
    { name: 'title', type: 'text' },
    { type: 'row', fields: [brokerField, entityTypeField] },
    { name: 'attributes', type: 'array', minRows: 1, fields: [attributeField('name')] },
    { name: 'q', type: 'text' },
    { name: 'pageSize', type: 'number', min: 1, max: 1000, defaultValue: 50 },
  ],
};

/** A map view embedded in the page. */
export const MapBlock: Block = {
  slug: 'map',
  labels: { singular: 'Map', plural: 'Maps' },
  fields: [
    { name: 'mapView', type: 'relationship', relationTo: 'map-views', required: true },
    { name: 'height', type: 'number', min: 200, max: 2000, defaultValue: 480 },
  ],
};

/** Formatted text (Lexical). */
export const RichTextBlock: Block = {
  slug: 'richText',
  labels: { singular: 'Rich text', plural: 'Rich text' },
  fields: [{ name: 'content', type: 'richText', required: true }],
};

/** Every block a page may contain. */
export const PAGE_BLOCKS: Block[] = [
  KpiBlock,
  TimeSeriesBlock,
  TableBlock,
  MapBlock,
  RichTextBlock,
];
