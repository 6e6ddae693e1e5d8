import type { FeedKind } from './xml-root.js';

/** One story of a feed, as the feed describes it. */
export interface FeedItem {
  /** Title as plain text. */
  title?: string;
  /** Absolute link to the story's page, when the feed gives one. */
  link?: string;
  /** RSS `guid` or Atom `id`. */
  guid?: string;
  /** Publication (else update) time, ISO 8601. */
  publishedAt?: string;
  /** Author names joined with "and". */
  author?: string;
  /** Canonical BCP 47 language of the item or its channel. */
  language?: string;
  /** Full content as HTML: RSS `content:encoded`, Atom `content`. */
  content?: string;
  /** Summary as HTML: RSS `description`, Atom `summary`. */
  summary?: string;
}

/** A parsed RSS or Atom feed. The channel's own title is not a story. */
export interface FeedDocument {
  kind: FeedKind;
  /** The channel or feed title. */
  title?: string;
  /** Items in the feed's order. */
  items: FeedItem[];
}

/** Where a feed came from, for resolving its relative links. */
export interface FeedLocation {
  /** File path or URL that errors and warnings name. */
  source: string;
  /** Absolute address relative links are resolved against (the feed's URL after redirects). */
  baseUrl?: string;
}
