/** One node of an article body, in reading order. */
export type BodyNode =
  | { type: 'heading'; text: string; level: number }
  | { type: 'paragraph'; text: string }
  /** A block quotation (HTML `blockquote`, Markdown `>`). */
  | { type: 'quote'; text: string }
  | { type: 'list-item'; text: string; ordered: boolean }
  /** Text the source marks as not part of the story (figure caption, image alt, aside). */
  | { type: 'caption'; text: string };

/**
 * An article as read from its source, before any narration decisions.
 * Plain data: it can be serialized and resumed from.
 */
export interface Article {
  /** Headline. */
  title: string;
  /** Deck / standfirst, when the source marks one. */
  standfirst?: string;
  /** Byline name, when the source carries one. */
  author?: string;
  /** Publication time as an ISO 8601 string, when known. */
  publishedAt?: string;
  /** BCP 47 language tag ('en', 'en-GB', 'de'). */
  language: string;
  /** Canonical URL of the article, when known. */
  url?: string;
  /** Stable identifier from a feed, when known. */
  guid?: string;
  /** Where the article came from: a file path, `-` for stdin, or a URL. */
  source: string;
  /** Body in reading order. The title and standfirst are not repeated here. */
  body: BodyNode[];
}

export type { StageWarning } from '../platform/run-context.js';
