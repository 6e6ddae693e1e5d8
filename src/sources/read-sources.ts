import { BriefingError } from '../errors.js';
import type { Article } from '../ingest/article.js';
import { stageReporter, type RunContext } from '../platform/run-context.js';
import { readInputStories } from './read-input-stories.js';
import type { SourceContext, SourceWarn } from './source-context.js';
import type { SourceStory } from './source-story.js';
import { selectStories } from './story-selection.js';
import { defaultUserAgent } from './user-agent.js';

/** Default limit for one web request, body included: 15 s. */
export const DEFAULT_TIMEOUT_MS = 15_000;
/** Default largest web response: 10 MB. */
export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;
/** Linked pages of feed items fetched at once. */
const LOAD_CONCURRENCY = 4;

/** Options of {@link readSources}. */
export interface SourceOptions {
  /** BCP 47 language forced on every article; otherwise the feed's, the page's, else `'en'`. */
  language?: string;
  /** `given` (default): the order of the inputs, and a feed's own item order. `newest`: newest first, undated stories last. */
  sort?: 'given' | 'newest';
  /** Keep at most this many stories (counted after `sort`, `since` and `skip`). A whole number, at least 1. */
  maxStories?: number;
  /** Drop stories published before this; stories without a date are kept. */
  since?: Date;
  /** The fetch used for web addresses and the pages feed items link to. Default `globalThis.fetch`. */
  fetch?: typeof fetch;
  /** Limit for each web request, body included, in milliseconds. Default 15000. */
  timeoutMs?: number;
  /** Largest web response accepted, in bytes. Default 10 MB; a larger one fails with `INPUT_TOO_LARGE`. */
  maxBytes?: number;
  /** `User-Agent` header. Default `briefing/<version> (+podcast briefing generator)`. */
  userAgent?: string;
  /**
   * True for a story to leave out, e.g. one already briefed
   * (`(article) => memory.has(article)`). Applied before `maxStories`. For a
   * feed item it is called before the item's text is read, with its title,
   * guid, url, date, author and source and an empty body.
   */
  skip?: (article: Article) => boolean;
  /** Stream read for the input `-`. Default: the process's standard input. */
  stdin?: AsyncIterable<Uint8Array | string>;
  /** Stops web requests when aborted (`ABORTED`). */
  signal?: AbortSignal;
  /** Reports each step: "reading notes.md", "fetching https://...". */
  onProgress?: (message: string) => void;
  /**
   * The run the warnings go to (stage `ingest`): items without text, pages
   * that could not be fetched (their summary was used), duplicates, the
   * story limit. Without one they are not kept.
   */
  context?: RunContext;
}

/** What {@link readSources} gives. */
export interface SourceResult {
  /** The stories' articles, in briefing order. Empty when every story was filtered out. */
  articles: Article[];
  /** How many stories `skip` left out. */
  skipped: number;
  /** How many stories `since` left out. */
  older: number;
}

/**
 * Reads the stories of a briefing from its inputs, in order. Each input is
 * a file (an article, or an RSS/Atom feed by its `.xml`/`.rss`/`.atom`
 * extension or its content), a folder (its article and feed files, by
 * name), `-` for standard input, or an http(s) address (a web page's main
 * content, or a feed's items). Feed items become one article each, with
 * `guid`, `url`, `publishedAt`, `author` and `source` = `<feed>#<guid>`;
 * an item whose text is a short summary is replaced by its linked page.
 * Stories are then filtered (`since`, `skip`), ordered (`sort`) and cut to
 * `maxStories`; only the stories kept have their linked pages fetched.
 *
 * @throws BriefingError for an input that cannot be read, with a one-line
 *   message starting with the path or address: `INPUT_NOT_FOUND`,
 *   `INPUT_EMPTY` (also an empty folder), `INPUT_NOT_TEXT`,
 *   `INPUT_UNREADABLE`, `INPUT_FETCH_FAILED` (HTTP status, timeout, no
 *   connection), `INPUT_TOO_LARGE`; `USAGE` for no inputs or bad options
 */
export async function readSources(inputs: readonly string[], options: SourceOptions = {}): Promise<SourceResult> {
  if (inputs.length === 0) throw new BriefingError('USAGE', 'no input: name an article file, a folder, a feed or web address, or - for standard input');
  checkOptions(options);
  const context = sourceContext(options);
  const stories: SourceStory[] = [];
  for (const input of inputs) stories.push(...(await readInputStories(input, context)));
  const selected = selectStories(stories, options, context.warn);
  const { articles, unread } = await loadStories(selected.stories, options.maxStories ?? Number.POSITIVE_INFINITY, context.warn);
  if (unread > 0) {
    context.warn({
      code: 'INPUT_STORY_LIMIT',
      message: `the story limit is ${articles.length}: ${unread} more ${unread === 1 ? 'story waits' : 'stories wait'} for the next briefing`,
    });
  }
  return { articles, skipped: selected.skipped, older: selected.older };
}

/** Loads stories in order, a few at a time, until `limit` of them have text; `unread`: the stories left. */
async function loadStories(stories: readonly SourceStory[], limit: number, warn: SourceWarn): Promise<{ articles: Article[]; unread: number }> {
  const articles: Article[] = [];
  let next = 0;
  while (articles.length < limit && next < stories.length) {
    const batch = stories.slice(next, next + Math.min(LOAD_CONCURRENCY, limit - articles.length));
    next += batch.length;
    // Stories of a batch load side by side: each warns into a list of its own, passed on in story order, so the run's warnings do not depend on which page answered first.
    const loaded = await Promise.all(
      batch.map(async (story) => {
        const warnings: Parameters<SourceWarn>[0][] = [];
        const article = await story.load((warning) => warnings.push(warning));
        return { article, warnings };
      }),
    );
    for (const { article, warnings } of loaded) {
      for (const warning of warnings) warn(warning);
      if (article) articles.push(article);
    }
  }
  return { articles, unread: stories.length - next };
}

function sourceContext(options: SourceOptions): SourceContext {
  const fetchFunction = options.fetch ?? globalThis.fetch;
  const context: SourceContext = {
    fetchUrl: async (url) =>
      (await import('./fetch-resource.js')).fetchResource(url, {
        fetch: fetchFunction,
        timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
        maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES,
        userAgent: options.userAgent ?? (await defaultUserAgent()),
        ...(options.signal ? { signal: options.signal } : {}),
      }),
    progress: (message) => options.onProgress?.(message),
    warn: stageReporter(options.context, 'ingest').warn,
  };
  if (options.language) context.language = options.language;
  if (options.stdin) context.stdin = options.stdin;
  return context;
}

function checkOptions(options: SourceOptions): void {
  const problems: string[] = [];
  if (options.maxStories !== undefined && !(Number.isInteger(options.maxStories) && options.maxStories >= 1)) {
    problems.push('maxStories must be a whole number of at least 1');
  }
  if (options.timeoutMs !== undefined && !(options.timeoutMs > 0)) problems.push('timeoutMs must be more than 0');
  if (options.maxBytes !== undefined && !(options.maxBytes > 0)) problems.push('maxBytes must be more than 0');
  if (options.since !== undefined && Number.isNaN(options.since.getTime())) problems.push('since must be a valid date');
  if (options.sort !== undefined && options.sort !== 'given' && options.sort !== 'newest') problems.push("sort must be 'given' or 'newest'");
  if (problems.length > 0) throw new BriefingError('USAGE', problems.join('; '));
}
