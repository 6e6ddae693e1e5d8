import { readArticles } from '../ingest/ingest-text.js';
import type { IngestOptions } from '../ingest/ingest-options.js';
import { feedStories } from './feed-stories.js';
import { parseFeed } from './parse-feed.js';
import type { SourceContext } from './source-context.js';
import { readyStories, type SourceStory } from './source-story.js';
import { readWebDocument } from './web-document.js';

/**
 * Reads an http(s) address: a feed gives its items; a web page gives one
 * article, its main content extracted by the HTML ingest, with `url` set to
 * the address the page came from (after redirects).
 *
 * @throws BriefingError from fetching (`INPUT_FETCH_FAILED`,
 *   `INPUT_TOO_LARGE`), or when the answer is not text or has none
 */
export async function readUrlInput(url: string, context: SourceContext): Promise<SourceStory[]> {
  context.progress(`fetching ${url}`);
  const resource = await context.fetchUrl(url);
  const document = readWebDocument(resource);
  if (document.kind === 'feed') {
    const feed = parseFeed(document.text, { source: url, baseUrl: resource.finalUrl });
    for (const warning of document.warnings) context.warn(warning);
    return feedStories(feed, { source: url, baseUrl: resource.finalUrl }, context);
  }
  const options: IngestOptions = context.language ? { language: context.language } : {};
  const result = readArticles(document.text, url, document.format, options);
  const articles = result.articles.map((article) => ({ ...article, url: article.url ?? resource.finalUrl }));
  return readyStories({ articles, warnings: [...document.warnings, ...result.warnings] }, context.warn);
}
