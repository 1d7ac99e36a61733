import { describe, expect, it } from 'vitest';
import { parseGeorel } from './parse-georel.js';

describe('parseGeorel', () => {
  it.each([
    ['within', { relation: 'within' }],
    ['contains', { relation: 'contains' }],
    ['intersects', { relation: 'intersects' }],
    ['equals', { relation: 'equals' }],
    ['disjoint', { relation: 'disjoint' }],
    ['overlaps', { relation: 'overlaps' }],
    ['near;maxDistance==2000', { relation: 'near', maxDistance: 2000 }],
    ['near;minDistance==100', { relation: 'near', minDistance: 100 }],
    [
      'near;minDistance==100;maxDistance==2000.5',
      { relation: 'near', minDistance: 100, maxDistance: 2000.5 },
    ],
    ['near;maxDistance==0', { relation: 'near', maxDistance: 0 }],
    ['near;maxDistance==1e3', { relation: 'near', maxDistance: 1000 }],
  ])('reads %s', (text, expected) => {
    expect(parseGeorel(text)).toEqual({ ok: true, value: expected });
  });

  it.each([
    [
      'close',
      "'close' is not a geospatial relationship (expected near, within, contains, intersects, equals, disjoint, overlaps)",
    ],
    [
      'Within',
      "'Within' is not a geospatial relationship (expected near, within, contains, intersects, equals, disjoint, overlaps)",
    ],
    ['within;maxDistance==5', "'within' takes no distance, found 'maxDistance==5'"],
    [
      'near',
      "'near' needs maxDistance==<metres> or minDistance==<metres>, e.g. near;maxDistance==2000",
    ],
    [
      'near;maxDistance=2000',
      "'maxDistance=2000' is not a distance (expected maxDistance==<metres> or minDistance==<metres>)",
    ],
    [
      'near;distance==5',
      "'distance==5' is not a distance (expected maxDistance==<metres> or minDistance==<metres>)",
    ],
    ['near;maxDistance==-5', "maxDistance must be a number of metres (0 or more), found '-5'"],
    ['near;maxDistance==far', "maxDistance must be a number of metres (0 or more), found 'far'"],
    ['near;maxDistance==', "maxDistance must be a number of metres (0 or more), found ''"],
    [
      'near;maxDistance==1e999',
      "maxDistance must be a number of metres (0 or more), found '1e999'",
    ],
    ['near;maxDistance==1;maxDistance==2', 'maxDistance is given more than once'],
    [
      'near;minDistance==500;maxDistance==100',
      'minDistance 500 is greater than maxDistance 100, so nothing can match',
    ],
  ])('rejects %j', (text, message) => {
    expect(parseGeorel(text)).toEqual({ ok: false, problems: [{ field: 'georel', message }] });
  });
});
