import type { X2jOptions, XMLParser } from 'fast-xml-parser';
import { BriefingError } from '../errors.js';
import { fastXmlParser } from '../platform/fast-xml-parser.js';
import { XML_READING } from '../platform/xml-reading.js';
import type { FeedDocument, FeedLocation } from './feed-document.js';
import { ATOM_NAMESPACE, ATOM_TEXT_CONSTRUCTS, hasXhtmlContent, readAtom } from './parse-atom.js';
import { readRss } from './parse-rss.js';
import { feedKindOf } from './xml-root.js';
import { children, isXmlElement, qualifiedName, type XmlElement } from './xml-values.js';

const PARSER_OPTIONS: Partial<X2jOptions> = {
  ...XML_READING,
  ignoreDeclaration: true,
  ignorePiTags: true,
  // Feeds use HTML character references (&nbsp;, &rsquo;, &#8217;) outside
  // CDATA far more often than they declare them.
  htmlEntities: true,
};

let parser: XMLParser | undefined;

/**
 * Parses an RSS 2.0, RSS 1.0 or Atom 1.0 document with fast-xml-parser.
 * Lenient like feed readers are: a stray `&` or an undeclared HTML entity
 * does not reject the feed.
 *
 * @throws BriefingError `INPUT_UNREADABLE` ("<source>: is not an RSS or Atom
 *   feed", "<source>: could not be read as a feed (...)")
 */
export function parseFeed(text: string, location: FeedLocation): FeedDocument {
  const document = parseXml((parser ??= new (fastXmlParser().XMLParser)(PARSER_OPTIONS)), text, location.source);
  const rootName = Object.keys(document).find((key) => feedKindOf(key) !== undefined);
  const kind = feedKindOf(rootName);
  if (rootName === undefined || kind === undefined) {
    throw new BriefingError('INPUT_UNREADABLE', `${location.source}: is not an RSS or Atom feed`);
  }
  const root = isXmlElement(document[rootName]) ? (document[rootName] as XmlElement) : {};
  if (kind !== 'atom') return readRss(root, kind, location);
  if (!hasXhtmlContent(root)) return readAtom(root, location);
  const entryName = qualifiedName(root, ATOM_NAMESPACE, 'entry', '');
  const stopNodes = ATOM_TEXT_CONSTRUCTS.map((local) => `${rootName}.${entryName}.${qualifiedName(root, ATOM_NAMESPACE, local, '')}`);
  const raw = parseXml(new (fastXmlParser().XMLParser)({ ...PARSER_OPTIONS, stopNodes }), text, location.source);
  return readAtom(root, location, children(raw[rootName], entryName));
}

function parseXml(xmlParser: XMLParser, text: string, source: string): XmlElement {
  try {
    const parsed: unknown = xmlParser.parse(text);
    return isXmlElement(parsed) ? parsed : {};
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0]!.trim() : String(error);
    throw new BriefingError('INPUT_UNREADABLE', `${source}: could not be read as a feed (${reason})`, { cause: error });
  }
}
