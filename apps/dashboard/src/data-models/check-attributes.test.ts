import { describe, expect, it } from 'vitest';
import { checkAttributes } from './check-attributes.js';
import { attribute, deprecated } from './data-model.test-support.js';

describe('checkAttributes', () => {
  it('accepts unique names and deprecated attributes replaced by active ones', () => {
    expect(checkAttributes([deprecated('pm10', 'pm10Avg'), attribute('pm10Avg')])).toEqual([]);
  });

  it('refuses a name used twice, at the second row', () => {
    expect(checkAttributes([attribute('pm25'), attribute('pm10'), attribute('pm25')])).toEqual([
      {
        path: 'attributes.2.name',
        message: "Attribute name 'pm25' is used more than once: each attribute needs its own name",
      },
    ]);
  });

  it('refuses a deprecated attribute without replacement, replaced by itself, by nothing known or by a deprecated one', () => {
    const problems = checkAttributes([
      attribute('pm10', { status: 'deprecated' }),
      deprecated('a', 'a'),
      deprecated('b', 'nowhere'),
      deprecated('c', 'pm10'),
    ]);
    expect(problems).toEqual([
      {
        path: 'attributes.0.replacedBy',
        message:
          "Attribute 'pm10' is deprecated, so replacedBy must name the attribute that replaces it",
      },
      {
        path: 'attributes.1.replacedBy',
        message: "replacedBy of 'a' must name another attribute, not 'a' itself",
      },
      {
        path: 'attributes.2.replacedBy',
        message: "replacedBy of 'b' must name an attribute of this model: there is no 'nowhere'",
      },
      {
        path: 'attributes.3.replacedBy',
        message:
          "replacedBy of 'c' must name an active attribute: 'pm10' is deprecated (point 'c' at what replaces 'pm10')",
      },
    ]);
  });
});
