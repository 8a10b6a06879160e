/** Small helpers over hast trees: the text of an element, its classes, and filtering children in place. */
import type * as H from 'hast';

export function textOf(node: H.Nodes): string {
  if (node.type === 'text') return node.value;
  if ('children' in node) return node.children.map((child) => textOf(child)).join('');
  return '';
}

export function isElement(node: H.Nodes | undefined, ...tags: string[]): node is H.Element {
  return node?.type === 'element' && (tags.length === 0 || tags.includes(node.tagName));
}

export function hasClass(node: H.Nodes | undefined, name: string): boolean {
  if (!isElement(node)) return false;
  const classes = node.properties.className;
  return Array.isArray(classes) && classes.includes(name);
}

/**
 * Walks the tree depth first; `visit` returns what replaces each element among its parent's children (itself, nothing,
 * or other nodes: its children to unwrap it). Children are visited before their parent decides.
 */
export function rewrite(parent: H.Root | H.Element, visit: (node: H.Element, parent: H.Root | H.Element) => H.ElementContent[] | H.RootContent[]): void {
  const out: (H.ElementContent | H.RootContent)[] = [];
  for (const child of parent.children) {
    if (child.type !== 'element') {
      out.push(child);
      continue;
    }
    rewrite(child, visit);
    out.push(...visit(child, parent));
  }
  parent.children = out as H.ElementContent[];
}

/** Every text node, for cleaning. */
export function eachText(node: H.Nodes, visit: (text: H.Text) => void): void {
  if (node.type === 'text') visit(node);
  else if ('children' in node) for (const child of node.children) eachText(child, visit);
}

/** The first element below `node` (depth first) that passes `test`. */
export function findElement(node: H.Root | H.Element, test: (element: H.Element) => boolean): H.Element | undefined {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    if (test(child)) return child;
    const inner = findElement(child, test);
    if (inner) return inner;
  }
  return undefined;
}

/** Every element below `node` that passes `test`, in document order. */
export function findAll(node: H.Root | H.Element, test: (element: H.Element) => boolean, out: H.Element[] = []): H.Element[] {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    if (test(child)) out.push(child);
    findAll(child, test, out);
  }
  return out;
}
