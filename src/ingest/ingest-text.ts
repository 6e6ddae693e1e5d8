import { BriefingError } from '../errors.js';
import type { Article, StageWarning } from './article.js';
import { settleArticleLanguage } from './article-language.js';
import { collapseWhitespace } from '../platform/plain-text.js';
import { decodeText, hasReadableText } from './decode-text.js';
import { parseHtml } from './html-parser.js';
import { stageReporter } from '../platform/run-context.js';
import type { ExtractedArticle, IngestOptions, IngestResult, InputFormat, ReadArticles } from './ingest-options.js';
import { emptyInputError } from './input-errors.js';
import { parseMarkdown } from './markdown-parser.js';
import { parsePlainText } from './plain-text-parser.js';

const PARSERS: Record<InputFormat, (text: string) => ExtractedArticle> = {
  text: parsePlainText,
  markdown: parseMarkdown,
  html: parseHtml,
};

/**
 * Reads one article from text already in memory. Warnings (undecodable
 * bytes, no title, a declared language the text contradicts) go to
 * `options.context`, stage `ingest`.
 *
 * @param content - the text, or its bytes (UTF-8 with or without a byte order
 *   mark, or UTF-16 with one)
 * @param source - where it came from (file path, URL, `-`); errors and
 *   warnings start with it
 * @param format - how to read it (see {@link detectFormat})
 * @throws BriefingError `INPUT_EMPTY` when no readable text is left (not even a title),
 *   `INPUT_NOT_TEXT` for binary content
 */
export function ingestText(
  content: string | Uint8Array,
  source: string,
  format: InputFormat,
  options: IngestOptions = {},
): IngestResult {
  const { articles, warnings } = readArticles(content, source, format, options);
  const reporter = stageReporter(options.context, 'ingest');
  for (const warning of warnings) reporter.warn(warning);
  return { articles };
}

/** {@link ingestText} with its warnings returned rather than reported, for readers that filter them (feed items). */
export function readArticles(
  content: string | Uint8Array,
  source: string,
  format: InputFormat,
  options: Omit<IngestOptions, 'context'> = {},
): ReadArticles {
  const { text, warnings } = decodeText(content, source);
  let extracted: ExtractedArticle;
  try {
    extracted = PARSERS[format](text);
  } catch (error) {
    throw new BriefingError('INPUT_UNREADABLE', `${source}: could not be read as ${format}`, { cause: error });
  }
  const unsettled = toArticle(extracted, source, options);
  const titleGiven = collapseWhitespace(options.title ?? '') !== '';
  // A feed item's own title counts once its content held something, even if only a photo.
  if (!hasContent(unsettled, hasReadableText(extracted.title) || (titleGiven && extracted.body.length > 0))) throw emptyInputError(source);
  const settled = settleArticleLanguage(unsettled, { forced: options.language, declared: extracted.language ?? options.declaredLanguage });
  const article: Article = { ...unsettled, language: settled.language };
  return {
    articles: [article],
    warnings: [...warnings, ...settled.warnings, ...(titleGiven ? [] : missingTitleWarnings(extracted, article, source))],
  };
}

function toArticle(extracted: ExtractedArticle, source: string, options: Omit<IngestOptions, 'context'>): Omit<Article, 'language'> {
  const title = collapseWhitespace(options.title ?? '') || collapseWhitespace(extracted.title) || titleFromSource(source);
  const article: Omit<Article, 'language'> = {
    title,
    source,
    body: extracted.body.filter((node) => hasReadableText(node.text)),
  };
  if (extracted.standfirst && hasReadableText(extracted.standfirst)) article.standfirst = collapseWhitespace(extracted.standfirst);
  if (extracted.author) article.author = collapseWhitespace(extracted.author);
  if (extracted.publishedAt) article.publishedAt = extracted.publishedAt;
  if (extracted.url) article.url = extracted.url;
  if (extracted.guid) article.guid = extracted.guid;
  return article;
}

/**
 * An input with a title is an article, even when nothing else was found: the
 * pipeline then says it has no article text (or skips it among several
 * stories). An input without even a title has no readable text at all.
 */
function hasContent(article: Omit<Article, 'language'>, titleIsContent: boolean): boolean {
  return titleIsContent || article.standfirst !== undefined || article.body.some((node) => node.type !== 'caption');
}

function missingTitleWarnings(extracted: ExtractedArticle, article: Omit<Article, 'language'>, source: string): StageWarning[] {
  if (collapseWhitespace(extracted.title) !== '' || article.title === '') return [];
  return [{ code: 'INPUT_NO_TITLE', source, message: `${source}: no title found; using "${article.title}"` }];
}

/** "reports/council-flood-barrier.html" gives "council flood barrier". */
function titleFromSource(source: string): string {
  const name = source.replace(/[?#].*$/s, '').replace(/\/+$/, '').split(/[\\/]/).pop() ?? '';
  return collapseWhitespace(name.replace(/\.[A-Za-z0-9]+$/, '').replace(/[-_]+/g, ' '));
}
