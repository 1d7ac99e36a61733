import type { CollectionConfig } from 'payload';
import { publicField, slugField } from '../fields/publishing-fields.js';
import { readPublicOrSignedIn } from '../access/public-access.js';
import { isAdmin, isEditor } from '../access/role-access.js';
import {
  attributeField,
  brokerField,
  colourField,
  entityTypeField,
} from '../fields/broker-query-fields.js';

const LAYER_STYLES = ['points', 'clusters', 'heatmap', 'lines', 'polygons', 'choropleth'] as const;

/** A map dashboard: where it looks, on which basemap, and the broker data drawn on it. */
export const MapViews: CollectionConfig = {
  slug: 'map-views',
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'slug', 'public'],
    preview: (doc) => (typeof doc.slug === 'string' ? `/maps/${doc.slug}` : null),
  },
  access: { read: readPublicOrSignedIn, create: isEditor, update: isEditor, delete: isAdmin },
  fields: [
    { name: 'title', type: 'text', required: true },
    slugField,
    publicField('Public map views need no login.'),
    {
      name: 'centre',
      type: 'group',
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'lon', type: 'number', required: true, min: -180, max: 180, defaultValue: 0 },
            { name: 'lat', type: 'number', required: true, min: -85, max: 85, defaultValue: 0 },
            { name: 'zoom', type: 'number', required: true, min: 0, max: 22, defaultValue: 2 },
          ],
        },
      ],
    },
    {
      name: 'bounds',
      type: 'group',
      admin: { description: 'Optional: the map cannot be panned outside these bounds.' },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'west', type: 'number', min: -180, max: 180 },
            { name: 'south', type: 'number', min: -90, max: 90 },
            { name: 'east', type: 'number', min: -180, max: 180 },
            { name: 'north', type: 'number', min: -90, max: 90 },
          ],
        },
      ],
    },
    {
      name: 'basemapStyle',
      type: 'text',
      required: true,
      defaultValue: 'offline',
      admin: { description: '`offline` (bundled basemap) or a MapLibre style URL.' },
      validate: (value: unknown) =>
        value === 'offline' || (typeof value === 'string' && /^https?:\/\/\S+$/.test(value))
          ? true
          : 'Basemap style must be `offline` or an http(s) style URL',
    },
    {
      name: 'layers',
      type: 'array',
      fields: [
        { name: 'label', type: 'text', required: true },
        { type: 'row', fields: [brokerField, entityTypeField] },
        {
          name: 'q',
          type: 'text',
          admin: { description: 'NGSI-LD q filter, e.g. temperature>20' },
        },
        {
          name: 'geoQuery',
          type: 'group',
          admin: { description: 'Optional NGSI-LD geo filter.' },
          fields: [
            {
              type: 'row',
              fields: [
                {
                  name: 'georel',
                  type: 'text',
                  admin: { description: 'e.g. near;maxDistance==2000, within' },
                },
                {
                  name: 'geometry',
                  type: 'select',
                  options: ['Point', 'LineString', 'Polygon', 'MultiPolygon'],
                },
              ],
            },
            {
              name: 'coordinates',
              type: 'json',
              admin: { description: 'GeoJSON coordinates of the geometry' },
            },
          ],
        },
        {
          type: 'row',
          fields: [
            {
              name: 'style',
              type: 'select',
              required: true,
              defaultValue: 'points',
              options: [...LAYER_STYLES],
            },
            {
              ...attributeField('choroplethAttribute', false),
              admin: {
                condition: (_data, sibling) =>
                  (sibling as { style?: string }).style === 'choropleth',
              },
            },
            colourField('colour', '#1f77b4'),
            {
              name: 'icon',
              type: 'text',
              admin: { description: 'Icon name from the bundled set' },
            },
          ],
        },
        {
          name: 'popupTemplate',
          type: 'textarea',
          admin: {
            description: 'Text with {{attribute}} placeholders; shown as text, never as HTML.',
          },
        },
        {
          type: 'row',
          fields: [
            {
              name: 'refresh',
              type: 'select',
              required: true,
              defaultValue: 'interval',
              options: ['interval', 'live'],
            },
            {
              name: 'refreshSeconds',
              type: 'number',
              min: 5,
              max: 86_400,
              defaultValue: 60,
              admin: {
                condition: (_data, sibling) => (sibling as { refresh?: string }).refresh !== 'live',
              },
            },
          ],
        },
      ],
    },
  ],
};
