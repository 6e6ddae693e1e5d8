import type { RunContext, StageWarning } from '../platform/run-context.js';
import type { Article } from './article.js';

/** The source formats the ingest stage reads from a file or a string. */
export type InputFormat = 'text' | 'markdown' | 'html';

/** Options for {@link ingestFile} and {@link ingestText}. */
export interface IngestOptions {
  /**
   * BCP 47 language forced on every article. Otherwise the language the
   * source declares (HTML `lang`, front matter, {@link declaredLanguage}),
   * unless the text reads as another; else the text's; else `'en'`.
   */
  language?: string;
  /**
   * Language declared around the source rather than in it (a feed's item or
   * channel), used when the source itself declares none.
   */
  declaredLanguage?: string;
  /**
   * Title used instead of the one found in the source, e.g. a feed item's own
   * title for its `content:encoded` HTML.
   */
  title?: string;
  /** Stream read when the path is `-`; defaults to the process's standard input. */
  stdin?: AsyncIterable<Uint8Array | string>;
  /** The run the warnings go to (stage `ingest`); without one they are not kept. */
  context?: RunContext;
}

/** What the ingest stage produces for one input. */
export interface IngestResult {
  /** The articles read, in source order (one for a file). */
  articles: Article[];
}

/** The articles of one input with the problems met reading them, for the readers of a briefing's inputs to filter and pass on. */
export interface ReadArticles extends IngestResult {
  /** Non-fatal problems met while reading. */
  warnings: StageWarning[];
}

/**
 * An article as a format parser extracts it, before the source and the
 * final language are attached.
 */
export type ExtractedArticle = Omit<Article, 'source' | 'language'> & {
  /** Language the source declares, when it declares one. */
  language?: string;
};
