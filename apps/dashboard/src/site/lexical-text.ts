/** Block-level Lexical nodes: each becomes its own paragraph of text. */
const BLOCK_NODES = new Set(['paragraph', 'heading', 'quote', 'listitem', 'code']);

interface LexicalNode {
  type?: unknown;
  text?: unknown;
  children?: unknown;
}

/**
 * The plain text of a Lexical rich-text value, paragraphs separated by a blank line. The public
 * site renders it as text: an editor's content never becomes HTML in a visitor's browser.
 * @example lexicalText({ root: { children: [{ type: 'paragraph', children: [{ type: 'text', text: 'Hi' }] }] } }) // 'Hi'
 */
export function lexicalText(value: unknown): string {
  const root = (value as { root?: LexicalNode } | null | undefined)?.root;
  const paragraphs: string[] = [];
  const walk = (node: LexicalNode, line: string[]): void => {
    if (typeof node.text === 'string') line.push(node.text);
    if (node.type === 'linebreak') line.push('\n');
    const children = Array.isArray(node.children) ? (node.children as LexicalNode[]) : [];
    if (BLOCK_NODES.has(String(node.type))) {
      const own: string[] = [];
      for (const child of children) walk(child, own);
      const text = own.join('').trim();
      if (text !== '') paragraphs.push(text);
      return;
    }
    for (const child of children) walk(child, line);
  };
  if (root) {
    const loose: string[] = [];
    walk(root, loose);
    const text = loose.join('').trim();
    if (text !== '') paragraphs.push(text);
  }
  return paragraphs.join('\n\n');
}
