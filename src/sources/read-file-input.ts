import { open } from 'node:fs/promises';
import { BriefingError } from '../errors.js';
import { readArticleFile } from '../ingest/ingest-file.js';
import { readArticles } from '../ingest/ingest-text.js';
import type { IngestOptions } from '../ingest/ingest-options.js';
import { readInput } from '../ingest/read-input.js';
import { decodeBytes } from './decode-bytes.js';
import type { SourceContext } from './source-context.js';
import { readyStories, type SourceStory } from './source-story.js';
import { feedKindOf, looksLikeFeed, xmlRootName } from './xml-root.js';

/** Extensions of files that are read as feeds whatever they start with. */
export const FEED_EXTENSIONS = ['xml', 'rss', 'atom'] as const;

const SNIFF_BYTES = 64 * 1024;

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
    if (looksLikeFeed(sampleText(bytes))) return readFeedBytes(bytes, path, context);
    return readyStories(await readArticleFile(path, { ...options, stdin: replay(bytes) }), context.warn);
  }
  if (hasFeedExtension(path) || (await startsLikeFeed(path))) {
    return readFeedBytes(await readInput(path), path, context);
  }
  return readyStories(await readArticleFile(path, options), context.warn);
}

/** True when the file name ends in one of {@link FEED_EXTENSIONS}. */
export function hasFeedExtension(path: string): boolean {
  const extension = /\.([A-Za-z]+)$/.exec(path)?.[1]?.toLowerCase();
  return extension !== undefined && (FEED_EXTENSIONS as readonly string[]).includes(extension);
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

/** Looks at the start of a file; any problem reading it is left for {@link ingestFile} to report. */
async function startsLikeFeed(path: string): Promise<boolean> {
  try {
    const handle = await open(path, 'r');
    try {
      const buffer = new Uint8Array(SNIFF_BYTES);
      const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0);
      return looksLikeFeed(sampleText(buffer.subarray(0, bytesRead)));
    } finally {
      await handle.close();
    }
  } catch {
    return false;
  }
}

/** The bytes already read from standard input, as a stream for {@link ingestFile}. */
async function* replay(bytes: Uint8Array): AsyncIterable<Uint8Array> {
  yield bytes;
}

function sampleText(bytes: Uint8Array): string {
  const sample = bytes.subarray(0, SNIFF_BYTES);
  if (sample[0] === 0xff && sample[1] === 0xfe) return new TextDecoder('utf-16le').decode(sample);
  if (sample[0] === 0xfe && sample[1] === 0xff) return new TextDecoder('utf-16be').decode(sample);
  return new TextDecoder('utf-8').decode(sample);
}
