import { BriefingError } from '../errors.js';
import type { StageWarning } from '../ingest/article.js';
import { detectFormat } from '../ingest/detect-format.js';
import type { InputFormat } from '../ingest/ingest-options.js';
import { decodeBytes } from './decode-bytes.js';
import type { FetchedResource } from './fetch-resource.js';
import { feedKindOf, xmlRootName } from './xml-root.js';

/** Media types that announce a feed (or other XML). */
const FEED_MEDIA_TYPES = new Set(['application/rss+xml', 'application/atom+xml', 'application/rdf+xml', 'application/xml', 'text/xml']);
const HTML_MEDIA_TYPES = new Set(['text/html', 'application/xhtml+xml']);
const MARKDOWN_MEDIA_TYPES = new Set(['text/markdown', 'text/x-markdown']);

/** A downloaded document, decoded and told apart: a feed, or a page to extract an article from. */
export type WebDocument =
  | { kind: 'feed'; text: string; warnings: StageWarning[] }
  | { kind: 'page'; format: InputFormat; text: string; warnings: StageWarning[] };

/**
 * Decodes a fetched body and decides what it is. The content decides first
 * (servers often label feeds `text/html` or `text/plain`): an `<rss>`,
 * `<feed>` or `<rdf:RDF>` root is a feed. Otherwise the media type: HTML,
 * Markdown, other text by its look.
 *
 * @throws BriefingError `INPUT_NOT_TEXT` for images, audio, PDF and other
 *   binary types; `INPUT_UNREADABLE` for XML that is neither a feed nor a page
 */
export function readWebDocument(resource: FetchedResource): WebDocument {
  const { url, mediaType } = resource;
  if (mediaType !== '' && !isTextual(mediaType)) {
    throw new BriefingError('INPUT_NOT_TEXT', `${url}: is not a web page or feed (${mediaType})`);
  }
  const { text, warnings } = decodeBytes(resource.bytes, url, resource.charset);
  const root = xmlRootName(text);
  if (feedKindOf(root) !== undefined) return { kind: 'feed', text, warnings };
  if (FEED_MEDIA_TYPES.has(mediaType) && root?.toLowerCase() !== 'html') {
    throw new BriefingError('INPUT_UNREADABLE', `${url}: is XML${root ? ` (<${root}>)` : ''} but not an RSS or Atom feed`);
  }
  let format: InputFormat;
  if (HTML_MEDIA_TYPES.has(mediaType) || FEED_MEDIA_TYPES.has(mediaType)) format = 'html';
  else if (MARKDOWN_MEDIA_TYPES.has(mediaType)) format = 'markdown';
  else format = detectFormat(new URL(resource.finalUrl).pathname, text);
  return { kind: 'page', format, text, warnings };
}

function isTextual(mediaType: string): boolean {
  return mediaType.startsWith('text/') || mediaType.endsWith('+xml') || mediaType.endsWith('/xml');
}
