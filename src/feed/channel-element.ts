import type { ShowSettings } from '../publish/show-settings.js';
import { podcastGuid } from './feed-identity.js';
import { stripInvalidXmlCharacters } from '../platform/markup-escape.js';
import { truncateToBytes } from './feed-text.js';
import type { XmlElement } from './feed-xml.js';
import { rfc2822Date } from './rfc2822-date.js';
import { publishedUrl, showUrls } from './show-urls.js';

/** Longest channel description, in UTF-8 bytes (Apple Podcasts' limit). */
export const MAX_CHANNEL_DESCRIPTION_BYTES = 4000;

/** What the channel needs besides the show. */
export interface ChannelContext {
  /** File name of the cover in the output folder, when there is one. */
  coverFile?: string;
  /** When the feed was written. */
  lastBuildDate: Date;
  /** Date of the newest episode. */
  pubDate?: Date;
}

/**
 * The channel's own elements (items excluded): title, link, description
 * (at most 4000 bytes, cut at a word), language, self link, dates, iTunes
 * author, image, category, explicit, type and owner (the owner's name, else
 * the author; an email only when one is configured, never an invented one),
 * and the Podcasting 2.0 guid and locked flag.
 */
export function channelElement(show: ShowSettings, context: ChannelContext): XmlElement {
  const urls = showUrls(show);
  const text = (value: string) => stripInvalidXmlCharacters(value.replace(/\s+/g, ' ').trim());
  const title = text(show.title);
  const coverUrl = context.coverFile ? publishedUrl(urls.baseUrl, context.coverFile) : undefined;
  const category: XmlElement = { '@_text': text(show.category) };
  if (show.subcategory) category['itunes:category'] = { '@_text': text(show.subcategory) };
  const email = show.owner?.email ? text(show.owner.email) : undefined;
  const ownerName = show.owner?.name ? text(show.owner.name) : undefined;
  return {
    title,
    link: urls.siteUrl,
    description: truncateToBytes(stripInvalidXmlCharacters(show.description.trim()), MAX_CHANNEL_DESCRIPTION_BYTES),
    language: show.language,
    'atom:link': { '@_href': urls.feedUrl, '@_rel': 'self', '@_type': 'application/rss+xml' },
    generator: 'briefing',
    lastBuildDate: rfc2822Date(context.lastBuildDate),
    ...(context.pubDate ? { pubDate: rfc2822Date(context.pubDate) } : {}),
    ...(coverUrl ? { image: { url: coverUrl, title, link: urls.siteUrl } } : {}),
    'itunes:author': text(show.author),
    ...(coverUrl ? { 'itunes:image': { '@_href': coverUrl } } : {}),
    'itunes:category': category,
    'itunes:explicit': show.explicit ? 'true' : 'false',
    'itunes:type': 'episodic',
    'itunes:owner': { 'itunes:name': ownerName || text(show.author), ...(email ? { 'itunes:email': email } : {}) },
    'podcast:guid': podcastGuid(urls.feedUrl),
    'podcast:locked': { ...(email ? { '@_owner': email } : {}), '#text': show.locked ? 'yes' : 'no' },
  };
}
