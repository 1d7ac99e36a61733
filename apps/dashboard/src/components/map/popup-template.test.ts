import { describe, expect, it } from 'vitest';
import { entityName, popupText, renderTemplate, valueAsText } from './popup-template.js';

describe('renderTemplate', () => {
  it('replaces each placeholder with the attribute as text', () => {
    expect(renderTemplate('{{name}}: PM2.5 {{pm25}} µg/m³', { name: 'Hải Châu', pm25: 41 })).toBe(
      'Hải Châu: PM2.5 41 µg/m³',
    );
  });

  it('shows a dash for a missing or null attribute', () => {
    expect(renderTemplate('{{a}} / {{b}}', { b: null })).toBe('— / —');
  });

  it('keeps markup in values as plain characters', () => {
    const text = renderTemplate('{{name}}', { name: '<script>alert(1)</script>' });
    expect(text).toBe('<script>alert(1)</script>');
  });

  it('accepts spaces inside the braces and dotted paths', () => {
    expect(renderTemplate('{{ address.city }}', { address: { city: 'Đà Nẵng' } })).toBe('Đà Nẵng');
  });

  it('does not reach into the prototype', () => {
    expect(renderTemplate('{{constructor}}', {})).toBe('—');
  });

  it('leaves text without placeholders alone', () => {
    expect(renderTemplate('{single} {{', {})).toBe('{single} {{');
  });
});

describe('valueAsText', () => {
  it('writes objects as JSON and booleans with String()', () => {
    expect(valueAsText({ a: 1 })).toBe('{"a":1}');
    expect(valueAsText(false)).toBe('false');
  });

  it('shows the value of a typed value and geometries in short', () => {
    expect(valueAsText({ '@type': 'DateTime', '@value': '2026-11-23T18:00:00Z' })).toBe(
      '2026-11-23T18:00:00Z',
    );
    expect(valueAsText({ type: 'Point', coordinates: [108.2, 16.05] })).toBe('Point 108.2, 16.05');
    expect(
      valueAsText({
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [1, 0],
            [1, 1],
            [0, 0],
          ],
        ],
      }),
    ).toBe('Polygon (4 positions)');
  });
});

describe('entityName and popupText', () => {
  it('uses name, then alternateName, then the id tail', () => {
    expect(entityName('urn:a:b:c', { alternateName: 'Alt' })).toBe('Alt');
    expect(entityName('urn:ngsi-ld:P:danang-1', {})).toBe('danang-1');
  });

  it('falls back to the name when the layer has no template', () => {
    expect(popupText('', 'urn:x:1', { name: 'Bến xe' })).toBe('Bến xe');
    expect(popupText('{{n}}', 'urn:x:1', { n: 3 })).toBe('3');
  });
});
