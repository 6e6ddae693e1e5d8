import type { Article, StageWarning } from '../ingest/article.js';
import type { SourceWarn } from './source-context.js';

/**
 * One story found in an input, before its text is necessarily read. Feed
 * items are known by their metadata first, so stories that are filtered out
 * (too old, already briefed, past the story limit) never cost a download.
 */
export interface SourceStory {
  /**
   * The story as far as it is known without reading its text: for a feed
   * item its title, guid, link, date, author and source with an empty body;
   * for a file or page the finished article.
   */
  preview: Article;
  /**
   * Reads the story's text; undefined when it has none. Never throws for a
   * story without text: it warns through `warn` and gives no article.
   */
  load(warn: SourceWarn): Promise<Article | undefined>;
}

/** A story whose article is already read (files, web pages). */
export function readyStory(article: Article): SourceStory {
  return { preview: article, load: async () => article };
}

/** The articles of an ingest result as stories; its warnings go to `warn`. */
export function readyStories(result: { articles: Article[]; warnings: StageWarning[] }, warn: SourceWarn): SourceStory[] {
  for (const warning of result.warnings) warn(warning);
  return result.articles.map(readyStory);
}
