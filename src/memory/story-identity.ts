import { createHash } from 'node:crypto';
import type { Article } from '../ingest/article.js';

/** What a story is recognised by across runs. */
export interface StoryIdentity {
  /** The feed's guid (RSS `guid`, Atom `id`), when it has one. */
  guid?: string;
  /** The story's web address, when known. */
  url?: string;
  /** SHA-256 (hex, first 32 digits) of the story's source and title: the identity of a story with neither. */
  hash: string;
}

/** The identity of an article: its guid, its URL, and the hash of `source` + newline + `title`. */
export function identityOf(article: Pick<Article, 'guid' | 'url' | 'source' | 'title'>): StoryIdentity {
  const identity: StoryIdentity = { hash: createHash('sha256').update(`${article.source}\n${article.title}`).digest('hex').slice(0, 32) };
  const guid = article.guid?.trim();
  if (guid) identity.guid = guid;
  const url = article.url?.trim();
  if (url) identity.url = url;
  return identity;
}

/**
 * Whether two identities are the same story, by the most specific thing both
 * have: the guid when both have one (two items of a feed that share a link
 * are still two stories), else the URL when both have one (a page briefed
 * from its address is the same story as the feed item linking to it), else
 * the hash of source and title.
 */
export function sameStory(a: StoryIdentity, b: StoryIdentity): boolean {
  if (a.guid !== undefined && b.guid !== undefined) return a.guid === b.guid;
  if (a.url !== undefined && b.url !== undefined) return a.url === b.url;
  return a.hash === b.hash;
}

/** One key per story for storing it: `guid:…`, else `url:…`, else `hash:…`. */
export function storageKey(identity: StoryIdentity): string {
  if (identity.guid !== undefined) return `guid:${identity.guid}`;
  if (identity.url !== undefined) return `url:${identity.url}`;
  return `hash:${identity.hash}`;
}
