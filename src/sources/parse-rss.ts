import type { FeedDocument, FeedItem, FeedLocation } from './feed-document.js';
import { absoluteLink, isoDate, joinNames, nameFromRssAuthor, plainText } from './feed-values.js';
import { canonicalLanguage } from '../ingest/language-tag.js';
import { attributeOf, child, childText, children, qualifiedName, textOf, type XmlElement } from './xml-values.js';

const CONTENT_NAMESPACE = 'http://purl.org/rss/1.0/modules/content/';
const DUBLIN_CORE_NAMESPACE = 'http://purl.org/dc/elements/1.1/';

/**
 * Reads an RSS 2.0 (or 0.9x) `<rss>` root, or an RSS 1.0 `<rdf:RDF>` root
 * whose items are siblings of its channel.
 */
export function readRss(root: XmlElement, kind: 'rss' | 'rdf', location: FeedLocation): FeedDocument {
  const names = {
    encoded: qualifiedName(root, CONTENT_NAMESPACE, 'encoded', 'content'),
    creator: qualifiedName(root, DUBLIN_CORE_NAMESPACE, 'creator', 'dc'),
    date: qualifiedName(root, DUBLIN_CORE_NAMESPACE, 'date', 'dc'),
    language: qualifiedName(root, DUBLIN_CORE_NAMESPACE, 'language', 'dc'),
  };
  const channel = child(root, 'channel');
  const itemParent = kind === 'rdf' ? root : channel;
  const channelLanguage = canonicalLanguage(
    childText(channel, 'language') ||
      childText(channel, names.language) ||
      attributeOf(channel, 'xml:lang') ||
      attributeOf(root, 'xml:lang'),
  );
  const items = children(itemParent, 'item').map((item): FeedItem => {
    const result: FeedItem = {};
    const title = plainText(childText(item, 'title'));
    if (title) result.title = title;
    const guid = childText(item, 'guid');
    if (guid) result.guid = guid;
    const guidIsLink = guid !== '' && attributeOf(child(item, 'guid'), 'isPermaLink')?.trim().toLowerCase() !== 'false' && /^https?:\/\//i.test(guid);
    const link = absoluteLink(childText(item, 'link') || attributeOf(item, 'rdf:about') || (guidIsLink ? guid : ''), location.baseUrl);
    if (link) result.link = link;
    const publishedAt = isoDate(childText(item, 'pubDate') || childText(item, names.date));
    if (publishedAt) result.publishedAt = publishedAt;
    const creators = children(item, names.creator).map((value) => plainText(textOf(value)));
    const author = joinNames(creators) ?? nameFromRssAuthor(childText(item, 'author'));
    if (author) result.author = author;
    const language = canonicalLanguage(childText(item, names.language) || attributeOf(item, 'xml:lang')) ?? channelLanguage;
    if (language) result.language = language;
    const content = childText(item, names.encoded);
    if (content) result.content = content;
    const summary = childText(item, 'description');
    if (summary) result.summary = summary;
    return result;
  });
  const document: FeedDocument = { kind, items };
  const title = plainText(childText(channel, 'title'));
  if (title) document.title = title;
  return document;
}
