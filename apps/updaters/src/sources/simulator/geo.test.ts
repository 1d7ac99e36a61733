import { describe, expect, it } from 'vitest';
import {
  bearingDegrees,
  distanceMetres,
  distanceToLineMetres,
  lineLengthMetres,
  pointAlong,
  splitLine,
  type Position,
} from './geo.js';

const line: Position[] = [
  [108.22, 16.05],
  [108.22, 16.06],
  [108.23, 16.06],
];

describe('geo', () => {
  it('measures a degree of latitude as about 111 km', () => {
    expect(distanceMetres([108, 16], [108, 17])).toBeCloseTo(111_195, -2);
  });

  it('gives bearings clockwise from north', () => {
    expect(bearingDegrees([108.22, 16.05], [108.22, 16.06])).toBeCloseTo(0, 5);
    expect(bearingDegrees([108.22, 16.06], [108.23, 16.06])).toBeCloseTo(90, 1);
    expect(bearingDegrees([108.22, 16.06], [108.22, 16.05])).toBeCloseTo(180, 5);
  });

  it('walks a polyline and clamps to its ends', () => {
    const length = lineLengthMetres(line);
    expect(pointAlong(line, 0).position).toEqual(line[0]);
    expect(pointAlong(line, length + 50).position[0]).toBeCloseTo(108.23, 9);
    const corner = distanceMetres(line[0]!, line[1]!);
    const after = pointAlong(line, corner + 100);
    expect(after.bearing).toBeCloseTo(90, 1);
    expect(distanceToLineMetres(after.position, line)).toBeLessThan(0.5);
  });

  it('splits a polyline at its vertices into pieces that share their ends', () => {
    const pieces = splitLine(line, 1200);
    expect(pieces).toHaveLength(2);
    expect(pieces[0]!.at(-1)).toEqual(pieces[1]![0]);
    expect(pieces.flat().length).toBe(line.length + 1);
  });

  it('measures the distance from a point to a polyline', () => {
    expect(distanceToLineMetres([108.225, 16.061], line)).toBeCloseTo(111, -1);
  });
});
