import { collapseWhitespace } from '../platform/plain-text.js';
import { escapeHtml } from '../platform/markup-escape.js';
import { decodeHtmlEntities, htmlFragmentToText } from '../ingest/html-dom.js';

/** A time from a feed (RFC 822 `pubDate`, ISO 8601 `published`) as ISO 8601; undefined when unreadable. */
export function isoDate(text: string): string | undefined {
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  const time = Date.parse(trimmed);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

/**
 * Plain text of a feed's text field. Character references the XML parser
 * left (many feeds escape twice: `&amp;rsquo;`) are decoded; markup is kept
 * as text unless `isHtml`, when tags are removed. A named reference still
 * left after that (`&lol9;`: declared in the feed's DTD, which is never
 * expanded, or declared nowhere) stands for nothing readable and is
 * dropped rather than spoken.
 */
export function plainText(text: string, isHtml = false): string {
  return collapseWhitespace((isHtml ? htmlFragmentToText(text) : decodeHtmlEntities(text)).replace(UNEXPANDED_ENTITY, ' '));
}

/** A named entity reference, as left when nothing expanded it. */
const UNEXPANDED_ENTITY = /&[A-Za-z_][\w.-]*;/g;

/** `href` resolved against `base` when it is relative and a base is known; undefined when empty or malformed. */
export function absoluteLink(href: string, base: string | undefined): string | undefined {
  const trimmed = href.trim();
  if (!trimmed) return undefined;
  try {
    return new URL(trimmed, base).href;
  } catch {
    return base === undefined ? trimmed : undefined;
  }
}

/** The display name in an RSS `author`: "jo@example.org (Jo Park)" gives "Jo Park"; a bare address gives none. */
export function nameFromRssAuthor(text: string): string | undefined {
  const trimmed = collapseWhitespace(text);
  const parenthesized = /\(([^()]+)\)\s*$/.exec(trimmed)?.[1];
  if (parenthesized) return collapseWhitespace(parenthesized);
  if (/^\S+@\S+$/.test(trimmed)) return undefined;
  return trimmed || undefined;
}

/** Names joined for a byline: "A", "A and B", "A, B and C". */
export function joinNames(names: string[]): string | undefined {
  const unique = [...new Set(names.map((name) => collapseWhitespace(name)).filter((name) => name !== ''))];
  if (unique.length === 0) return undefined;
  if (unique.length === 1) return unique[0];
  return `${unique.slice(0, -1).join(', ')} and ${unique[unique.length - 1]}`;
}

/** Plain text as HTML paragraphs (blank lines separate paragraphs), escaped. */
export function textToHtml(text: string): string {
  return text
    .split(/\n\s*\n/)
    .map((paragraph) => collapseWhitespace(paragraph))
    .filter((paragraph) => paragraph !== '')
    .map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`)
    .join('');
}
