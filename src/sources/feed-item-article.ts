import { isBriefingError } from '../errors.js';
import type { Article, StageWarning } from '../ingest/article.js';
import { collapseWhitespace } from '../platform/plain-text.js';
import { htmlFragmentToText } from '../ingest/html-dom.js';
import type { IngestOptions } from '../ingest/ingest-options.js';
import { readArticles } from '../ingest/ingest-text.js';
import type { FeedItem } from './feed-document.js';
import type { SourceContext, SourceWarn } from './source-context.js';
import { readWebDocument } from './web-document.js';

/**
 * A feed body with less text than this (in characters) is a teaser: when
 * the item links to a page, the page's main content is read instead.
 */
export const SHORT_SUMMARY_CHARS = 400;

/**
 * Reads the article of one feed item. The body is the item's full content
 * (`content:encoded`, Atom `content`); failing that, its summary
 * (`description`, Atom `summary`), unless the summary is shorter than
 * {@link SHORT_SUMMARY_CHARS} and the item links to a web page, whose main
 * content is fetched and used instead (the summary stays the fallback, with
 * a warning, when the page cannot be had). An item with no text at all
 * gives no article and an `INPUT_EMPTY` warning.
 *
 * @param source - the story's source, `<feed>#<guid>`
 * @param warn - where this item's warnings go (items load side by side, each into its own)
 */
export async function loadFeedItem(item: FeedItem, source: string, context: SourceContext, warn: SourceWarn): Promise<Article | undefined> {
  const options: IngestOptions = {};
  if (item.title) options.title = item.title;
  if (context.language) options.language = context.language;
  if (item.language) options.declaredLanguage = item.language;

  const fromContent = item.content ? articleFromHtml(item.content, source, options, warn) : undefined;
  if (fromContent) return withItemMetadata(fromContent, item);

  const summaryLength = item.summary ? collapseWhitespace(htmlFragmentToText(item.summary)).length : 0;
  if (summaryLength < SHORT_SUMMARY_CHARS && item.link && /^https?:\/\//i.test(item.link)) {
    try {
      const page = await readLinkedPage(item.link, source, options, context, warn);
      if (page && spokenLength(page) >= summaryLength) return withItemMetadata(page, item);
    } catch (error) {
      if (!isBriefingError(error) || error.code === 'ABORTED') throw error;
      const fallback = summaryLength > 0 ? "; using the feed's summary" : '';
      warn({ code: error.code, source, message: `${error.message}${fallback}` });
    }
  }

  const fromSummary = item.summary ? articleFromHtml(item.summary, source, options, warn) : undefined;
  if (fromSummary) return withItemMetadata(fromSummary, item);
  warn({ code: 'INPUT_EMPTY', source, message: `${source}: has no readable text; skipped` });
  return undefined;
}

async function readLinkedPage(
  link: string,
  source: string,
  options: IngestOptions,
  context: SourceContext,
  warn: SourceWarn,
): Promise<Article | undefined> {
  context.progress(`fetching ${link}`);
  const document = readWebDocument(await context.fetchUrl(link));
  if (document.kind === 'feed') return undefined;
  const result = readArticles(document.text, source, document.format, options);
  for (const warning of [...document.warnings, ...withoutTitleWarning(result.warnings, options)]) warn(warning);
  return result.articles[0];
}

/** The article in an HTML fragment; undefined when it has no readable text. */
function articleFromHtml(html: string, source: string, options: IngestOptions, warn: SourceWarn): Article | undefined {
  try {
    const result = readArticles(html, source, 'html', options);
    for (const warning of withoutTitleWarning(result.warnings, options)) warn(warning);
    return result.articles[0];
  } catch (error) {
    if (isBriefingError(error, 'INPUT_EMPTY') || isBriefingError(error, 'INPUT_NOT_TEXT') || isBriefingError(error, 'INPUT_UNREADABLE')) {
      return undefined;
    }
    throw error;
  }
}

/** An item's body rarely repeats its title; with the item's title given, "no title found" says nothing. */
function withoutTitleWarning(warnings: StageWarning[], options: IngestOptions): StageWarning[] {
  return options.title ? warnings.filter((warning) => warning.code !== 'INPUT_NO_TITLE') : warnings;
}

/** The item's own identity and metadata win over what the HTML says. */
function withItemMetadata(article: Article, item: FeedItem): Article {
  const result: Article = { ...article };
  if (item.guid) result.guid = item.guid;
  if (item.link) result.url = item.link;
  if (item.publishedAt) result.publishedAt = item.publishedAt;
  if (item.author) result.author = item.author;
  return result;
}

function spokenLength(article: Article): number {
  const body = article.body.filter((node) => node.type !== 'caption').reduce((total, node) => total + node.text.length, 0);
  return body + (article.standfirst?.length ?? 0);
}
