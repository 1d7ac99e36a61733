import { describe, expect, it } from 'vitest';
import { freeArea, freeAreaOffset, isInside } from './free-area.js';

const DESKTOP = { width: 1280, height: 748 };
const PHONE = { width: 360, height: 688 };

describe('freeArea', () => {
  it('leaves the strip between the two panels on desktop', () => {
    expect(freeArea(DESKTOP, false)).toEqual({ left: 400, top: 0, right: 940, bottom: 748 });
  });

  it('leaves the upper part above the detail sheet on phones', () => {
    expect(freeArea(PHONE, true).bottom).toBeCloseTo(275.2);
  });

  it('uses the whole map when the strip would be too narrow', () => {
    expect(freeArea({ width: 800, height: 400 }, false)).toEqual({
      left: 0,
      top: 0,
      right: 800,
      bottom: 400,
    });
  });
});

describe('freeAreaOffset and isInside', () => {
  it('offsets the camera towards the free area', () => {
    expect(freeAreaOffset(freeArea(DESKTOP, false), DESKTOP)).toEqual([30, 0]);
  });

  it('tells whether a point is well inside', () => {
    const area = freeArea(DESKTOP, false);
    expect(isInside({ x: 207, y: 348 }, area)).toBe(false);
    expect(isInside({ x: 600, y: 348 }, area)).toBe(true);
  });
});
