import { createHash } from 'node:crypto';
import type { Article } from '../ingest/article.js';

/** What a story is recognised by across runs and across feeds. */
export interface StoryIdentity {
  /** The feed's guid (RSS `guid`, Atom `id`), when it has one. */
  guid?: string;
  /** The story's web address, when known. */
  url?: string;
  /** SHA-256 (hex, first 32 digits) of the story's source and title: the identity of a story with neither. */
  hash: string;
  /** The feed the story came from (its source without `#<guid>`), for a feed item. */
  feed?: string;
  /** The story's title. */
  title?: string;
}

/** Query parameters that only say who sent the reader: not part of a story's address. */
const TRACKING_PARAMETER = /^(utm_[a-z]+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|ocid|cmpid|_ga)$/i;

/**
 * A web address as a story key: scheme, `www.`, fragment, tracking
 * parameters and trailing slashes do not count, so a mirror's
 * `http://www.example.test/a/?utm_source=x` is the same page as
 * `https://example.test/a`. Undefined for an address that names a whole site
 * (no path): many feeds link every item to their home page, which says
 * nothing about which story an item is.
 */
export function storyUrlKey(url: string): string | undefined {
  const trimmed = url.trim();
  let parsed: URL;
  try {
    parsed = new URL(trimmed);
  } catch {
    return trimmed === '' ? undefined : trimmed;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return trimmed;
  const path = parsed.pathname.replace(/\/+$/, '');
  const query = [...parsed.searchParams].filter(([name]) => !TRACKING_PARAMETER.test(name)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (path === '' && query.length === 0) return undefined;
  const host = parsed.host.toLowerCase().replace(/^www\./, '');
  return `${host}${path}${query.length > 0 ? `?${new URLSearchParams(query).toString()}` : ''}`;
}

/** The feed part of a feed item's source `<feed>#<guid>`. */
function feedOf(source: string, guid: string): string {
  const suffix = `#${guid}`;
  if (source.endsWith(suffix)) return source.slice(0, -suffix.length);
  const hash = source.indexOf('#');
  return hash >= 0 ? source.slice(0, hash) : source;
}

/**
 * The identity of an article: its guid, its URL, the hash of `source` +
 * newline + `title`, and for a feed item the feed it came from and its title.
 */
export function identityOf(article: Pick<Article, 'guid' | 'url' | 'source' | 'title'>): StoryIdentity {
  const identity: StoryIdentity = { hash: createHash('sha256').update(`${article.source}\n${article.title}`).digest('hex').slice(0, 32) };
  const guid = article.guid?.trim();
  if (guid) {
    identity.guid = guid;
    identity.feed = feedOf(article.source, guid);
  }
  const url = article.url?.trim();
  if (url) identity.url = url;
  if (article.title.trim() !== '') identity.title = article.title;
  return identity;
}

function titleKey(title: string): string {
  return title.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/**
 * Whether two identities are the same story:
 * - the same guid: the same story;
 * - else the same page (see {@link storyUrlKey}): the same story, even under
 *   another guid (a mirror feed, a feed that renewed its guids), unless both
 *   are items of one feed, under different guids and titles (a feed may link
 *   several stories, a live blog's updates, to one page);
 * - else two guids or two pages that differ: two stories;
 * - else (files, pages without an address) the hash of source and title.
 */
export function sameStory(a: StoryIdentity, b: StoryIdentity): boolean {
  if (a.guid !== undefined && b.guid !== undefined && a.guid === b.guid) return true;
  const urlA = a.url !== undefined ? storyUrlKey(a.url) : undefined;
  const urlB = b.url !== undefined ? storyUrlKey(b.url) : undefined;
  if (urlA !== undefined && urlA === urlB) {
    const sameFeed = a.guid !== undefined && b.guid !== undefined && a.feed !== undefined && a.feed === b.feed;
    const differentTitles = a.title !== undefined && b.title !== undefined && titleKey(a.title) !== titleKey(b.title);
    return !(sameFeed && differentTitles);
  }
  if (a.guid !== undefined && b.guid !== undefined) return false;
  if (urlA !== undefined && urlB !== undefined) return false;
  return a.hash === b.hash;
}

/** One key per story for storing it: `guid:…`, else `url:…`, else `hash:…`. */
export function storageKey(identity: StoryIdentity): string {
  if (identity.guid !== undefined) return `guid:${identity.guid}`;
  if (identity.url !== undefined) return `url:${identity.url}`;
  return `hash:${identity.hash}`;
}
