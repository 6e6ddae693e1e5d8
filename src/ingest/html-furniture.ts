import { collapseWhitespace } from '../platform/plain-text.js';
import { isFurniture, isMetadataElement } from './html-boilerplate.js';
import type { DomElement } from './html-dom.js';

/**
 * Share of the content's running text above which an element is never removed
 * as furniture: on real sites a wrapper named `l-sidebar-fixed`,
 * `Page-ad-margins` or `content-with-sidebar`, or a `<form>`, holds the
 * article itself.
 */
const MAX_FURNITURE_SHARE = 0.25;
/** A block whose text is mostly link text is a list of links, whatever its size. */
const LINK_LIST_DENSITY = 0.6;
/** Elements that are furniture by their tag alone on a page without paragraphs. */
const SEMANTIC_FURNITURE = new Set(['nav', 'aside', 'footer', 'menu']);

/**
 * Removes page furniture (ads, share bars, promos, navigation, bylines read
 * separately, a site header) from content — but only elements that hold little
 * of its running text, or are lists of links: an element whose class merely
 * names furniture never takes the article with it.
 */
export function removeFurniture(root: DomElement): void {
  const rootProse = proseLength(root);
  const rootText = textLength(root);
  const doomed: DomElement[] = [];
  const stack: DomElement[] = Array.from(root.children);
  while (stack.length > 0) {
    const element = stack.pop()!;
    const marked = isFurniture(element) || isMetadataElement(element) || isSiteHeader(element);
    if (marked && isDisposable(element, rootProse, rootText)) doomed.push(element);
    else stack.push(...Array.from(element.children));
  }
  for (const element of doomed) element.remove();
}

function isDisposable(element: DomElement, rootProse: number, rootText: number): boolean {
  const length = textLength(element);
  if (length === 0 || linkTextLength(element) >= length * LINK_LIST_DENSITY) return true;
  if (rootProse > 0) return proseLength(element) <= rootProse * MAX_FURNITURE_SHARE;
  return SEMANTIC_FURNITURE.has(element.localName) || length <= rootText * MAX_FURNITURE_SHARE;
}

function isSiteHeader(element: DomElement): boolean {
  if (element.localName !== 'header') return false;
  return element.querySelector('nav') !== null || element.closest('article, main') === null;
}

/**
 * Length of an element's running text: its paragraphs that are not mostly
 * links (an element that is itself a paragraph counts).
 */
export function proseLength(root: DomElement): number {
  const paragraphs = root.localName === 'p' ? [root] : Array.from(root.querySelectorAll('p'));
  let length = 0;
  for (const paragraph of paragraphs) {
    const text = textLength(paragraph);
    if (linkTextLength(paragraph) < text / 2) length += text;
  }
  return length;
}

function textLength(element: DomElement): number {
  return collapseWhitespace(element.textContent ?? '').length;
}

function linkTextLength(element: DomElement): number {
  let length = 0;
  for (const link of Array.from(element.querySelectorAll('a'))) length += textLength(link);
  return length;
}
