import { describe, expect, it } from 'vitest';
import { geometryAnchor } from './geometry-anchor.js';

describe('geometryAnchor', () => {
  it('uses a point as it is', () => {
    expect(geometryAnchor({ type: 'Point', coordinates: [108.2, 16.05] })).toEqual([108.2, 16.05]);
  });

  it('takes the bounding-box centre of lines and polygons', () => {
    expect(
      geometryAnchor({
        type: 'LineString',
        coordinates: [
          [0, 0],
          [2, 4],
        ],
      }),
    ).toEqual([1, 2]);
    expect(
      geometryAnchor({
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [4, 0],
            [4, 2],
            [0, 2],
            [0, 0],
          ],
        ],
      }),
    ).toEqual([2, 1]);
  });

  it('gives nothing for a missing or empty geometry', () => {
    expect(geometryAnchor(null)).toBeUndefined();
    expect(geometryAnchor({ type: 'Point', coordinates: [] })).toBeUndefined();
  });
});
