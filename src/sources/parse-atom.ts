import type { FeedDocument, FeedItem, FeedLocation } from './feed-document.js';
import { absoluteLink, isoDate, joinNames, plainText, textToHtml } from './feed-values.js';
import { canonicalLanguage } from '../ingest/language-tag.js';
import { attributeOf, child, childText, children, qualifiedName, textOf, type XmlElement } from './xml-values.js';

/** The Atom 1.0 namespace. */
export const ATOM_NAMESPACE = 'http://www.w3.org/2005/Atom';

/** Atom elements whose `type="xhtml"` content is markup: they are read again unparsed (see {@link readAtom}). */
export const ATOM_TEXT_CONSTRUCTS = ['title', 'summary', 'content'] as const;

/**
 * Reads an Atom 1.0 `<feed>` root.
 *
 * @param rawEntries - the same entries parsed with their text constructs
 *   left as raw markup, for `type="xhtml"` content (whose inline markup an
 *   object tree cannot keep in order); omitted when the feed has none
 */
export function readAtom(root: XmlElement, location: FeedLocation, rawEntries?: unknown[]): FeedDocument {
  const name = (local: string) => qualifiedName(root, ATOM_NAMESPACE, local, '');
  const feedBase = resolveBase(root, location.baseUrl);
  const feedLanguage = canonicalLanguage(attributeOf(root, 'xml:lang'));
  const feedAuthors = authorNames(root, name);
  const items = children(root, name('entry')).map((entry, index): FeedItem => {
    const raw = rawEntries?.[index];
    const base = resolveBase(entry, feedBase);
    const result: FeedItem = {};
    const title = textConstruct(child(entry, name('title')), child(raw, name('title')));
    if (title) result.title = title;
    const guid = childText(entry, name('id'));
    if (guid) result.guid = guid;
    const link = alternateLink(children(entry, name('link')), base);
    if (link) result.link = link;
    const publishedAt = isoDate(childText(entry, name('published')) || childText(entry, name('updated')));
    if (publishedAt) result.publishedAt = publishedAt;
    const author = joinNames(authorNames(entry, name)) ?? joinNames(authorNames(child(entry, name('source')), name)) ?? joinNames(feedAuthors);
    if (author) result.author = author;
    const language = canonicalLanguage(attributeOf(entry, 'xml:lang')) ?? feedLanguage;
    if (language) result.language = language;
    const content = contentHtml(child(entry, name('content')), child(raw, name('content')));
    if (content) result.content = content;
    const summary = contentHtml(child(entry, name('summary')), child(raw, name('summary')));
    if (summary) result.summary = summary;
    return result;
  });
  const document: FeedDocument = { kind: 'atom', items };
  const title = textConstruct(child(root, name('title')), undefined);
  if (title) document.title = title;
  return document;
}

/** True when any entry has `type="xhtml"` text, so the raw markup must be read. */
export function hasXhtmlContent(root: XmlElement): boolean {
  const name = (local: string) => qualifiedName(root, ATOM_NAMESPACE, local, '');
  return children(root, name('entry')).some((entry) =>
    ATOM_TEXT_CONSTRUCTS.some((local) => isXhtml(child(entry, name(local)))),
  );
}

function typeOf(element: unknown): string {
  return (attributeOf(element, 'type') ?? 'text').trim().toLowerCase();
}

function isXhtml(element: unknown): boolean {
  const type = typeOf(element);
  return type === 'xhtml' || type === 'application/xhtml+xml';
}

/** An Atom text construct (`text`, `html` or `xhtml`) as HTML; '' for out-of-line (`src`) or non-text content. */
function contentHtml(element: unknown, raw: unknown): string {
  if (element === undefined || attributeOf(element, 'src') !== undefined) return '';
  const type = typeOf(element);
  if (type === 'html' || type === 'text/html') return textOf(element).trim();
  if (isXhtml(element)) return textOf(raw).trim();
  if (type === 'text' || type.startsWith('text/')) return textToHtml(textOf(element));
  return '';
}

function textConstruct(element: unknown, raw: unknown): string {
  const type = typeOf(element);
  if (isXhtml(element)) return plainText(textOf(raw), true);
  return plainText(textOf(element), type === 'html' || type === 'text/html');
}

function alternateLink(links: unknown[], base: string | undefined): string | undefined {
  const alternates = links.filter((link) => (attributeOf(link, 'rel') ?? 'alternate').trim() === 'alternate');
  const preferred =
    alternates.find((link) => /html/i.test(attributeOf(link, 'type') ?? 'text/html')) ?? alternates[0];
  const href = attributeOf(preferred, 'href');
  return href === undefined ? undefined : absoluteLink(href, base);
}

function authorNames(element: unknown, name: (local: string) => string): string[] {
  return children(element, name('author'))
    .map((author) => plainText(childText(author, name('name'))))
    .filter((author) => author !== '');
}

function resolveBase(element: unknown, inherited: string | undefined): string | undefined {
  const declared = attributeOf(element, 'xml:base');
  if (declared === undefined) return inherited;
  const resolved = absoluteLink(declared, inherited);
  return resolved && /^https?:/i.test(resolved) ? resolved : inherited;
}
