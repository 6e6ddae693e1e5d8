import type { BodyNode } from './article.js';
import { collapseWhitespace } from '../platform/plain-text.js';
import { isNeverText } from './html-boilerplate.js';
import { type DomElement, type DomNode, isElement, TEXT_NODE } from './html-dom.js';

const HEADING = /^h([1-6])$/;
/** Class or id parts that mark a photo caption or credit. */
const CAPTION_NAME = /(?:^|[\s_-])(?:caption|captions|credit|credits|photocredit|imagecredit)(?:$|[\s_-])/i;
/** Longer than this, an element named like a caption holds more than a caption. */
const MAX_CAPTION_LENGTH = 400;
/** Past this nesting the rest of a subtree is read as one paragraph, so hostile markup cannot exhaust the stack. */
const MAX_WALK_DEPTH = 200;
const BLOCK_SELECTOR = 'p, div, section, article, main, header, blockquote, ul, ol, li, figure, figcaption, pre, table, h1, h2, h3, h4, h5, h6, dl, address';
const BLOCK_TAGS = new Set([
  'p', 'div', 'section', 'article', 'main', 'header', 'blockquote', 'ul', 'ol', 'li', 'figure',
  'figcaption', 'pre', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'dl', 'dt', 'dd',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'address', 'details', 'summary', 'center', 'caption',
  'img', 'picture', 'body', 'html',
]);

/**
 * Walks extracted HTML content into body nodes in reading order: `h1`–`h6`
 * headings, paragraphs, blockquotes as quotes, list items, figure captions,
 * elements marked as captions or credits and image alt text as captions. Scripts, controls, embedded media and hidden
 * elements are skipped; furniture is removed before (see `removeFurniture`).
 */
export function walkHtmlBody(root: DomElement): BodyNode[] {
  const nodes: BodyNode[] = [];
  walkContainer(root, nodes, false, 0);
  return nodes;
}

function walkContainer(container: DomElement, nodes: BodyNode[], inQuote: boolean, depth: number): void {
  if (depth > MAX_WALK_DEPTH) {
    pushText(nodes, inQuote ? 'quote' : 'paragraph', container.textContent ?? '');
    return;
  }
  let inline = '';
  const flush = (): void => {
    const text = collapseWhitespace(inline);
    if (text !== '') nodes.push(inQuote ? { type: 'quote', text } : { type: 'paragraph', text });
    inline = '';
  };
  for (const child of Array.from(container.childNodes)) {
    if (child.nodeType === TEXT_NODE) {
      inline += child.textContent ?? '';
      continue;
    }
    if (!isElement(child)) continue;
    if (isNeverText(child)) continue;
    if (!BLOCK_TAGS.has(child.localName) && !containsBlock(child)) {
      inline += inlineText(child, 0);
      continue;
    }
    flush();
    walkBlock(child, nodes, inQuote, depth + 1);
  }
  flush();
}

function walkBlock(element: DomElement, nodes: BodyNode[], inQuote: boolean, depth: number): void {
  const tag = element.localName;
  if (isCaptionElement(element)) return pushText(nodes, 'caption', inlineText(element, 0));
  const heading = HEADING.exec(tag);
  if (heading) {
    const text = collapseWhitespace(inlineText(element, 0));
    if (text !== '') {
      nodes.push(inQuote ? { type: 'quote', text } : { type: 'heading', text, level: Number(heading[1]) });
    }
    return;
  }
  switch (tag) {
    case 'p':
    case 'pre':
    case 'address':
    case 'dt':
    case 'dd':
    case 'summary':
      if (containsBlock(element)) return walkContainer(element, nodes, inQuote, depth);
      return pushText(nodes, inQuote ? 'quote' : 'paragraph', inlineText(element, 0));
    case 'blockquote':
      return walkContainer(element, nodes, true, depth);
    case 'ul':
    case 'ol':
      for (const item of Array.from(element.children)) {
        if (item.localName === 'li' && !isNeverText(item)) walkListItem(item, tag === 'ol', nodes, inQuote, depth);
      }
      return;
    case 'li':
      return walkListItem(element, false, nodes, inQuote, depth);
    case 'figure':
      return walkFigure(element, nodes, depth);
    case 'figcaption':
    case 'caption':
      return pushText(nodes, 'caption', inlineText(element, 0));
    case 'img':
    case 'picture':
      return pushImage(element, nodes);
    case 'table':
    case 'thead':
    case 'tbody':
    case 'tfoot':
      return walkTable(element, nodes);
    case 'hr':
      return;
    default:
      return walkContainer(element, nodes, inQuote, depth);
  }
}

/** A photo caption or credit by its markup: WordPress `wp-caption-text`, `image-caption`, `photo-credit`, of caption length. */
function isCaptionElement(element: DomElement): boolean {
  const names = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`;
  if (!CAPTION_NAME.test(names)) return false;
  return collapseWhitespace(element.textContent ?? '').length <= MAX_CAPTION_LENGTH;
}

function walkListItem(item: DomElement, ordered: boolean, nodes: BodyNode[], inQuote: boolean, depth: number): void {
  let own = '';
  const nested: DomElement[] = [];
  for (const child of Array.from(item.childNodes)) {
    if (isElement(child) && (child.localName === 'ul' || child.localName === 'ol')) {
      nested.push(child);
    } else if (isElement(child)) {
      if (!isNeverText(child)) own += ` ${inlineText(child, 0)} `;
    } else if (child.nodeType === TEXT_NODE) {
      own += child.textContent ?? '';
    }
  }
  const text = collapseWhitespace(own);
  if (text !== '') nodes.push(inQuote ? { type: 'quote', text } : { type: 'list-item', text, ordered });
  for (const list of nested) walkBlock(list, nodes, inQuote, depth + 1);
}

function walkFigure(figure: DomElement, nodes: BodyNode[], depth: number): void {
  const caption = figure.querySelector('figcaption');
  if (caption) {
    pushText(nodes, 'caption', inlineText(caption, 0));
    return;
  }
  for (const child of Array.from(figure.children)) {
    if (child.localName === 'blockquote') walkBlock(child, nodes, false, depth + 1);
  }
  for (const image of Array.from(figure.querySelectorAll('img'))) pushImage(image, nodes);
}

function pushImage(element: DomElement, nodes: BodyNode[]): void {
  const image = element.localName === 'img' ? element : element.querySelector('img');
  const alt = image?.getAttribute('alt') ?? '';
  pushText(nodes, 'caption', alt);
}

function walkTable(table: DomElement, nodes: BodyNode[]): void {
  for (const row of Array.from(table.querySelectorAll('tr'))) {
    const cells = Array.from(row.children)
      .filter((cell) => cell.localName === 'td' || cell.localName === 'th')
      .map((cell) => collapseWhitespace(inlineText(cell, 0)))
      .filter((cell) => cell !== '');
    pushText(nodes, 'paragraph', cells.join(', '));
  }
  const caption = table.querySelector('caption');
  if (caption) pushText(nodes, 'caption', inlineText(caption, 0));
}

function pushText(nodes: BodyNode[], type: 'paragraph' | 'quote' | 'caption', raw: string): void {
  const text = collapseWhitespace(raw);
  if (text !== '') nodes.push({ type, text });
}

function containsBlock(element: DomElement): boolean {
  return element.querySelector(BLOCK_SELECTOR) !== null;
}

/** Text of an element as read inline: furniture, images and line breaks handled. */
function inlineText(node: DomNode, depth: number): string {
  if (node.nodeType === TEXT_NODE) return node.textContent ?? '';
  if (!isElement(node)) return '';
  if (isNeverText(node)) return '';
  if (depth > MAX_WALK_DEPTH) return node.textContent ?? '';
  const tag = node.localName;
  if (tag === 'br') return ' ';
  if (tag === 'img' || tag === 'picture' || tag === 'figure') return '';
  let text = '';
  for (const child of Array.from(node.childNodes)) text += inlineText(child, depth + 1);
  return BLOCK_TAGS.has(tag) ? ` ${text} ` : text;
}
