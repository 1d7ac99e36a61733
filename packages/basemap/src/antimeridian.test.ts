import { describe, expect, it } from 'vitest';
import { fixLine, fixRing } from './antimeridian.js';

describe('fixRing', () => {
  it('leaves a ring that does not cross the antimeridian as it is', () => {
    const ring = [
      [105, 10],
      [106, 10],
      [106, 11],
      [105, 10],
    ];
    expect(fixRing(ring)).toEqual(ring);
  });

  it('makes a ring that jumps across the antimeridian continuous', () => {
    const ring = [
      [178, 0],
      [-179, 0],
      [-179, 1],
      [178, 0],
    ];
    expect(fixRing(ring)).toEqual([
      [178, 0],
      [181, 0],
      [181, 1],
      [178, 0],
    ]);
  });

  it('moves a ring that starts on the far side back so its middle is within ±180', () => {
    const ring = [
      [-178, 0],
      [179, 0],
      [179, 1],
      [-178, 0],
    ];
    expect(fixRing(ring)).toEqual([
      [-178, 0],
      [-181, 0],
      [-181, 1],
      [-178, 0],
    ]);
  });

  it('closes a ring that winds around the south pole over the pole', () => {
    const ring = [
      [-180, -70],
      [0, -65],
      [180, -70],
      [-180, -70],
    ];
    expect(fixRing(ring)).toEqual([
      [-180, -70],
      [0, -65],
      [180, -70],
      [180, -90],
      [-180, -90],
      [-180, -70],
    ]);
  });
});

describe('fixLine', () => {
  it('makes a line that crosses the antimeridian continuous', () => {
    expect(
      fixLine([
        [179, 0],
        [-179, 1],
      ]),
    ).toEqual([
      [
        [179, 0],
        [181, 1],
      ],
    ]);
  });

  it('drops the cut edge that runs along the antimeridian', () => {
    const line = [
      [179, 60],
      [180, 60],
      [180, 61],
      [179, 61],
    ];
    expect(fixLine(line)).toEqual([
      [
        [179, 60],
        [180, 60],
      ],
      [
        [180, 61],
        [179, 61],
      ],
    ]);
  });

  it('keeps a crossing that steps from one edge to the other at the same latitude', () => {
    expect(
      fixLine([
        [179, -16],
        [180, -16.5],
        [-180, -16.5],
        [-179, -17],
      ]),
    ).toEqual([
      [
        [179, -16],
        [180, -16.5],
        [180, -16.5],
        [181, -17],
      ],
    ]);
  });

  it('drops the cut along the south pole', () => {
    const line = [
      [10, -80],
      [10, -89.99],
      [20, -89.99],
      [20, -80],
    ];
    expect(fixLine(line)).toEqual([line.slice(0, 2), line.slice(2)]);
  });
});
