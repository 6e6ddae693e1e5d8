import type { Article, StageWarning } from '../ingest/article.js';

/** What loading one story gives: the article, or none (with a warning) when it has no text. */
export interface LoadedStory {
  /** The story's article; absent when it turned out to have no readable text. */
  article?: Article;
  /** Non-fatal problems met while loading it. */
  warnings: StageWarning[];
}

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
  /** Reads the story's text. Never throws for a story without text: it warns and gives no article. */
  load(): Promise<LoadedStory>;
}

/** The stories an input holds, in its own order, and the warnings reading it raised. */
export interface InputStories {
  stories: SourceStory[];
  warnings: StageWarning[];
}

/** A story whose article is already read (files, web pages). */
export function readyStory(article: Article): SourceStory {
  return { preview: article, load: async () => ({ article, warnings: [] }) };
}

/** Wraps the articles and warnings of an ingest result as stories. */
export function readyStories(result: { articles: Article[]; warnings: StageWarning[] }): InputStories {
  return { stories: result.articles.map(readyStory), warnings: result.warnings };
}
