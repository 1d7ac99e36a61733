import { describe, expect, it } from 'vitest';
import {
  colourRamp,
  parseHexColour,
  rampExpression,
  rampStops,
  valueDomain,
} from './colour-ramp.js';

describe('colourRamp', () => {
  it('runs from a pale tint through the colour to a darker shade', () => {
    const ramp = colourRamp('#1f77b4', 5);
    expect(ramp).toHaveLength(5);
    expect(ramp[3]).toBe('#1f77b4');
    const lightness = (hex: string) => parseHexColour(hex).reduce((a, b) => a + b, 0);
    for (let i = 1; i < ramp.length; i++) {
      expect(lightness(ramp[i]!)).toBeLessThan(lightness(ramp[i - 1]!));
    }
  });

  it('falls back to blue for a colour it cannot read', () => {
    expect(parseHexColour('red')).toEqual([31, 119, 180]);
    expect(parseHexColour('#0f0')).toEqual([0, 255, 0]);
  });
});

describe('valueDomain and rampStops', () => {
  it('ignores values that are not finite numbers', () => {
    expect(valueDomain([3, null, 1, 'x', Number.NaN, 7])).toEqual([1, 7]);
    expect(valueDomain(['a'])).toBeUndefined();
  });

  it('spreads stops evenly across the domain', () => {
    expect(rampStops([0, 100], ['a', 'b', 'c']).map((s) => s.value)).toEqual([0, 50, 100]);
  });

  it('gives one stop for a single value and none without a domain', () => {
    expect(rampStops([5, 5], ['a', 'b'])).toEqual([{ value: 5, colour: 'b' }]);
    expect(rampStops(undefined, ['a'])).toEqual([]);
  });
});

describe('rampExpression', () => {
  it('interpolates between stops and colours missing values apart', () => {
    const expression = rampExpression('occupancy', rampStops([0, 1], ['#fff', '#000']), '#999');
    expect(JSON.stringify(expression)).toContain('"interpolate"');
    expect(JSON.stringify(expression)).toContain('"#999"');
  });

  it('is the missing colour alone without stops', () => {
    expect(rampExpression('x', [], '#999')).toBe('#999');
  });
});
