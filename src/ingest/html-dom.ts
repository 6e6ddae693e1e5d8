import { loadLinkedom } from './linkedom-loader.js';

/** linkedom is loaded on the first HTML input only: plain text and Markdown never pay for it. */
function parseHTML(html: string): unknown {
  return loadLinkedom().parseHTML(html);
}

/**
 * The small part of the DOM the ingest stage uses. The project compiles
 * without the browser DOM typings, so linkedom's nodes are described here.
 */
export interface DomNode {
  readonly nodeType: number;
  readonly nodeName: string;
  readonly textContent: string | null;
  readonly childNodes: ArrayLike<DomNode>;
  readonly parentNode: DomNode | null;
}

/** An element node (see {@link DomNode}). */
export interface DomElement extends DomNode {
  readonly tagName: string;
  readonly localName: string;
  readonly children: ArrayLike<DomElement>;
  readonly innerHTML: string;
  readonly outerHTML: string;
  getAttribute(name: string): string | null;
  querySelector(selectors: string): DomElement | null;
  querySelectorAll(selectors: string): ArrayLike<DomElement>;
  closest(selectors: string): DomElement | null;
  remove(): void;
}

/** A parsed document (see {@link DomNode}). */
export interface DomDocument extends DomNode {
  readonly documentElement: DomElement;
  readonly body: DomElement | null;
  readonly head: DomElement | null;
  querySelector(selectors: string): DomElement | null;
  querySelectorAll(selectors: string): ArrayLike<DomElement>;
  createElement(tagName: string): DomElement;
  cloneNode(deep: true): DomDocument;
}

/** Node type of an element. */
export const ELEMENT_NODE = 1;
/** Node type of a text node. */
export const TEXT_NODE = 3;

/**
 * Parses HTML into a document. Fragments (no `<html>` or `<body>`), such as a
 * feed item's `content:encoded`, are wrapped in a document first.
 */
export function parseHtmlDocument(html: string): DomDocument {
  const isDocument = /<(?:html|body|head)[\s>]/i.test(html.slice(0, 64 * 1024));
  const source = isDocument ? html : `<!doctype html><html><head></head><body>${html}</body></html>`;
  const { document } = parseHTML(source) as unknown as { document: DomDocument };
  return document;
}

/** True when `node` is an element. */
export function isElement(node: DomNode): node is DomElement {
  return node.nodeType === ELEMENT_NODE;
}

/** Decodes the character references of an HTML text fragment (`&amp;`, `&ldquo;`, `&#8217;`). */
export function decodeHtmlEntities(text: string): string {
  if (!text.includes('&')) return text;
  const document = parseHtmlDocument('<p></p>');
  const holder = document.createElement('p') as DomElement & { innerHTML: string };
  holder.innerHTML = text.replace(/</g, '&lt;');
  return holder.textContent ?? '';
}

/** The text of an HTML fragment without its tags, scripts, styles or comments. */
export function htmlFragmentToText(html: string): string {
  const document = parseHtmlDocument(`<div>${html}</div>`);
  const root = document.body;
  if (!root) return '';
  for (const element of Array.from(root.querySelectorAll('script, style, noscript, template'))) element.remove();
  return root.textContent ?? '';
}

/** How deeply elements nest under `root` (1 for an element without element children), counted without recursion. */
export function nestingDepth(root: DomElement): number {
  let deepest = 0;
  const stack: [DomElement, number][] = [[root, 1]];
  while (stack.length > 0) {
    const [element, depth] = stack.pop()!;
    if (depth > deepest) deepest = depth;
    for (const child of Array.from(element.children)) stack.push([child, depth + 1]);
  }
  return deepest;
}
