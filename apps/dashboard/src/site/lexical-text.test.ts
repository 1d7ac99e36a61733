import { describe, expect, it } from 'vitest';
import { lexicalText } from './lexical-text.js';

const text = (value: string) => ({ type: 'text', text: value });

describe('lexicalText', () => {
  it('keeps paragraphs and headings as text, separated by blank lines', () => {
    const value = {
      root: {
        type: 'root',
        children: [
          { type: 'heading', children: [text('Air')] },
          {
            type: 'paragraph',
            children: [text('PM2.5 is '), text('low'), { type: 'linebreak' }, text('today')],
          },
          { type: 'paragraph', children: [] },
          { type: 'list', children: [{ type: 'listitem', children: [text('one')] }] },
        ],
      },
    };
    expect(lexicalText(value)).toBe('Air\n\nPM2.5 is low\ntoday\n\none');
  });

  it('gives markup typed by an editor back as text, not as elements', () => {
    const value = {
      root: { children: [{ type: 'paragraph', children: [text('<script>x()</script>')] }] },
    };
    expect(lexicalText(value)).toBe('<script>x()</script>');
  });

  it('answers an empty string for anything that is not rich text', () => {
    expect(lexicalText(undefined)).toBe('');
    expect(lexicalText({ root: null })).toBe('');
    expect(lexicalText('text')).toBe('');
  });
});
