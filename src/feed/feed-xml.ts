import { readFile } from 'node:fs/promises';
import type { XMLBuilder, XMLParser } from 'fast-xml-parser';
import { BriefingError } from '../errors.js';
import { fastXmlParser } from '../platform/fast-xml-parser.js';
import { XML_NAMING, XML_READING } from '../platform/xml-reading.js';

/** An XML element as the feed's parser and builder see it: `@_name` attributes, `#text` text, child elements by name. */
export type XmlElement = Record<string, unknown>;

/** The namespaces the feed declares. */
export const FEED_NAMESPACES = {
  itunes: 'http://www.itunes.com/dtds/podcast-1.0.dtd',
  podcast: 'https://podcastindex.org/namespace/1.0',
  atom: 'http://www.w3.org/2005/Atom',
} as const;

let made: { parser: XMLParser; builder: XMLBuilder } | undefined;

/** The feed's parser and builder, made the first time a feed is read or written. */
function feedXml(): { parser: XMLParser; builder: XMLBuilder } {
  if (made) return made;
  const { XMLBuilder, XMLParser } = fastXmlParser();
  made = {
    parser: new XMLParser({
      ...XML_READING,
      processEntities: true,
      isArray: (_name, path) => path === 'rss.channel.item',
    }),
    builder: new XMLBuilder({
      ...XML_NAMING,
      format: true,
      indentBy: '  ',
      suppressEmptyNode: true,
      suppressBooleanAttributes: false,
      processEntities: true,
    }),
  };
  return made;
}

/** A feed as it is on disk: its text, its items in document order and when it says it was last built. */
export interface FeedOnDisk {
  /** The file's text; undefined when there is no feed yet. */
  text?: string;
  /** The `<item>` elements, in document order. */
  items: XmlElement[];
  /** The channel's `lastBuildDate`, when it has a readable one. */
  lastBuildDate?: Date;
}

/**
 * The feed at `feedPath`: nothing in it when the file does not exist.
 * `OUTPUT_FAILED` when it exists but is not an RSS feed: the feed is the
 * record of what was published, so it is never silently replaced.
 */
export async function readFeed(feedPath: string): Promise<FeedOnDisk> {
  let text: string;
  try {
    text = await readFile(feedPath, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { items: [] };
    throw new BriefingError('OUTPUT_FAILED', `${feedPath}: cannot be read`, { cause: error });
  }
  const valid = fastXmlParser().XMLValidator.validate(text);
  if (valid !== true) {
    throw new BriefingError('OUTPUT_FAILED', `${feedPath}: not well-formed XML (line ${valid.err.line}: ${valid.err.msg}); fix or remove it`);
  }
  const document = feedXml().parser.parse(text) as { rss?: { channel?: { item?: XmlElement[]; lastBuildDate?: unknown } } };
  const channel = document.rss?.channel;
  if (!channel || typeof channel !== 'object') throw new BriefingError('OUTPUT_FAILED', `${feedPath}: not an RSS feed (no rss/channel); fix or remove it`);
  const items = (channel.item ?? []).filter((item): item is XmlElement => item !== null && typeof item === 'object');
  const built = Date.parse(elementText(channel.lastBuildDate) ?? '');
  return { text, items, ...(Number.isNaN(built) ? {} : { lastBuildDate: new Date(built) }) };
}

/** The whole feed document, UTF-8 RSS 2.0 with the iTunes, Podcasting 2.0 and Atom namespaces. */
export function renderFeedXml(channel: XmlElement, items: readonly XmlElement[]): string {
  return feedXml().builder.build({
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    rss: {
      '@_version': '2.0',
      '@_xmlns:itunes': FEED_NAMESPACES.itunes,
      '@_xmlns:podcast': FEED_NAMESPACES.podcast,
      '@_xmlns:atom': FEED_NAMESPACES.atom,
      channel: { ...channel, item: [...items] },
    },
  }) as string;
}

/** Text of an element that may carry attributes (`{ '#text': ... }`) or be plain text. */
export function elementText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && typeof (value as XmlElement)['#text'] === 'string') return (value as XmlElement)['#text'] as string;
  if (value && typeof value === 'object') return '';
  return undefined;
}

/** An attribute of an element, when present. */
export function elementAttribute(value: unknown, name: string): string | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const attribute = (value as XmlElement)[`@_${name}`];
  return typeof attribute === 'string' ? attribute : undefined;
}
