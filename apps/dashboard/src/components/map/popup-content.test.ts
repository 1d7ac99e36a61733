import { describe, expect, it } from 'vitest';
import { popupContent } from './popup-content.js';

/** Just enough of a DOM to see which properties the popup writes (vitest runs in node). */
class FakeElement {
  children: FakeElement[] = [];
  attributes = new Map<string, string>();
  listeners = new Map<string, () => void>();
  className = '';
  type = '';
  textContent: string | null = null;
  innerHTML = '';
  constructor(readonly tagName: string) {}
  setAttribute(name: string, value: string) {
    this.attributes.set(name, value);
  }
  append(...nodes: FakeElement[]) {
    this.children.push(...nodes);
  }
  addEventListener(type: string, listener: () => void) {
    this.listeners.set(type, listener);
  }
}

const fakeDocument = {
  createElement: (tag: string) => new FakeElement(tag),
} as unknown as Document;

describe('popupContent', () => {
  it('puts the text in textContent, never in innerHTML', () => {
    const root = popupContent(
      fakeDocument,
      '<script>alert(1)</script>',
      'Details',
      () => {},
    ) as unknown as FakeElement;
    const [text, button] = root.children;
    expect(text!.textContent).toBe('<script>alert(1)</script>');
    expect(text!.innerHTML).toBe('');
    expect(button!.textContent).toBe('Details');
    expect(root.attributes.get('data-testid')).toBe('popup');
  });

  it('opens the details from its button', () => {
    let opened = 0;
    const root = popupContent(
      fakeDocument,
      'x',
      'Details',
      () => opened++,
    ) as unknown as FakeElement;
    root.children[1]!.listeners.get('click')!();
    expect(opened).toBe(1);
  });
});
