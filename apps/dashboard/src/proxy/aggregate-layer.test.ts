import { describe, expect, it } from 'vitest';
import { cellSizeFor, gridCells } from './aggregate-layer.js';

describe('cellSizeFor', () => {
  it.each([
    [[105.7, 20.9, 105.9, 21.1], 0.02],
    [[105, 21, 105.5, 21.5], 0.05],
    [[-180, -90, 180, 90], 50],
    [[0, 0, 0.001, 0.0005], 0.0001],
  ] as const)('gives about ten round cells across %j: %d', (bbox, size) => {
    expect(cellSizeFor(bbox)).toBe(size);
  });
});

describe('gridCells', () => {
  it('aligns cells on multiples of the size and clips them to the box', () => {
    const cells = gridCells([0.5, 0, 2, 1], 1);
    expect(cells).toEqual([
      { id: 'cell:0:0', box: [0.5, 0, 1, 1] },
      { id: 'cell:1:0', box: [1, 0, 2, 1] },
    ]);
  });

  it('covers a box with no more than about 12 × 12 cells', () => {
    const bbox = [105.713, 20.917, 105.9011, 21.0999] as const;
    expect(gridCells(bbox, cellSizeFor(bbox)).length).toBeLessThanOrEqual(144);
  });
});
