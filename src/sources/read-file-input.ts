import { BriefingError } from '../errors.js';
import { readArticleFile } from '../ingest/ingest-file.js';
import { readArticles } from '../ingest/ingest-text.js';
import type { IngestOptions } from '../ingest/ingest-options.js';
import { readInput } from '../ingest/read-input.js';
import { decodeBytes } from './decode-bytes.js';
import type { SourceContext } from './source-context.js';
import { readyStories, type SourceStory } from './source-story.js';
import { bytesLookLikeFeed, hasFeedExtension, startsLikeFeed } from './feed-file.js';
import { feedKindOf, xmlRootName } from './xml-root.js';

/**
 * Reads a file, or standard input for `-`. A feed (a `.xml`, `.rss` or
 * `.atom` file, or any input whose first element is `<rss>`, `<feed>` or
 * `<rdf:RDF>`) gives its items; anything else is one article read by
 * {@link ingestFile}, with its errors (`INPUT_NOT_FOUND`, `INPUT_EMPTY`, ...).
 */
export async function readFileInput(path: string, context: SourceContext): Promise<SourceStory[]> {
  const options: IngestOptions = context.language ? { language: context.language } : {};
  if (path === '-') {
    const bytes = await readInput(path, context.stdin);
    if (bytesLookLikeFeed(bytes)) return readFeedBytes(bytes, path, context);
    return readyStories(await readArticleFile(path, { ...options, stdin: replay(bytes) }), context.warn);
  }
  if (hasFeedExtension(path) || (await startsLikeFeed(path))) {
    return readFeedBytes(await readInput(path), path, context);
  }
  return readyStories(await readArticleFile(path, options), context.warn);
}

async function readFeedBytes(bytes: Uint8Array, path: string, context: SourceContext): Promise<SourceStory[]> {
  const { text, warnings } = decodeBytes(bytes, path);
  const root = xmlRootName(text);
  if (feedKindOf(root) === undefined) {
    // An XHTML page saved as .xml is still a page.
    if (root?.toLowerCase() === 'html') {
      const result = readArticles(text, path, 'html', context.language ? { language: context.language } : {});
      return readyStories(result, context.warn);
    }
    throw new BriefingError('INPUT_UNREADABLE', `${path}: is not an RSS or Atom feed${root ? ` (its root element is <${root}>)` : ''}`);
  }
  // The feed parser is loaded only for a feed.
  const [{ parseFeed }, { feedStories }] = await Promise.all([import('./parse-feed.js'), import('./feed-stories.js')]);
  const feed = parseFeed(text, { source: path });
  for (const warning of warnings) context.warn(warning);
  return feedStories(feed, { source: path }, context);
}

/** The bytes already read from standard input, as a stream for {@link ingestFile}. */
async function* replay(bytes: Uint8Array): AsyncIterable<Uint8Array> {
  yield bytes;
}
