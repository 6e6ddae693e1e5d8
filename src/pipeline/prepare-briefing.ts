import { BriefingError } from '../errors.js';
import type { Article } from '../ingest/article.js';
import { RunContext } from '../platform/run-context.js';
import { canonicalLanguage } from '../ingest/language-tag.js';
import { DEFAULT_MAX_STORIES, readSources } from '../sources/index.js';
import { hasArticleText, segmentArticle } from '../segment/index.js';
import type { NarrationBlock, SegmentedStory } from '../segment/narration-block.js';
import { normalizeBlocks } from '../normalize/normalize-blocks.js';
import { defaultLexicon, loadLexicon, mergeLexicons } from '../normalize/lexicon.js';
import type { SpeechBlock } from '../normalize/speech-block.js';
import { resolveEngine } from './resolve-engine.js';
import type { SpeechEngine } from '../engines/speech-engine.js';
import { DEFAULT_PAUSES, pauseAfter } from '../ssml/pauses.js';
import { renderBlock, type RenderedBlock } from '../ssml/render-block.js';
import { DEFAULT_QUOTE_STYLE, type QuoteStyle } from '../ssml/speech-plan.js';
import type { PrepareOptions } from './build-options.js';
import { frameBriefing } from './briefing-frame.js';

/** A briefing ready for synthesis: every stage's value up to the engine's input. */
export interface PreparedBriefing {
  title: string;
  language: string;
  articles: Article[];
  stories: SegmentedStory[];
  /** Segmented blocks of every story, in order. */
  segments: NarrationBlock[];
  /** The same blocks with their speech. */
  blocks: SpeechBlock[];
  /** The blocks rendered for the engine. */
  rendered: RenderedBlock[];
  engine: SpeechEngine;
  voice: string;
  /** The run the stages warned into; a build goes on warning into it. */
  context: RunContext;
}

/** Reads the inputs (files, folders, URLs, feeds, stdin) in order and returns their stories. */
export async function ingestInputs(
  inputs: readonly string[],
  options: Pick<PrepareOptions, 'language' | 'onProgress' | 'sort' | 'maxStories' | 'since' | 'skip' | 'fetch' | 'signal' | 'timeoutMs' | 'context'>,
): Promise<Article[]> {
  if (inputs.length === 0) throw new BriefingError('USAGE', 'no input: name an article file, a folder, a URL or a feed, or - for standard input');
  const result = await readSources(inputs, {
    ...(options.language ? { language: options.language } : {}),
    ...(options.sort ? { sort: options.sort } : {}),
    maxStories: options.maxStories ?? DEFAULT_MAX_STORIES,
    ...(options.since ? { since: options.since } : {}),
    ...(options.skip ? { skip: options.skip } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    ...(options.context ? { context: options.context } : {}),
    onProgress: (message) => options.onProgress?.({ stage: 'ingest', message }),
  });
  if (result.articles.length === 0 && (result.skipped > 0 || result.older > 0)) {
    const reasons = [
      ...(result.skipped > 0 ? [`${result.skipped} ${result.skipped === 1 ? 'story was' : 'stories were'} briefed before`] : []),
      ...(result.older > 0 && options.since ? [`${result.older} ${result.older === 1 ? 'story was' : 'stories were'} published before ${options.since.toISOString().slice(0, 10)}`] : []),
    ];
    throw new BriefingError('NOTHING_NEW', `nothing new: ${reasons.join(', ')}`);
  }
  return result.articles;
}

/**
 * Segments articles into stories, numbering blocks across the briefing. A
 * story with no article text (a headline alone) is skipped with a warning
 * naming it when the briefing has several; alone, it is an error. The
 * warnings of the stories kept go to `context`.
 *
 * @throws BriefingError `INPUT_NO_ARTICLE_TEXT` when no story has article text
 */
export function segmentArticles(articles: readonly Article[], context?: RunContext): { stories: SegmentedStory[]; articles: Article[] } {
  const stories: SegmentedStory[] = [];
  const kept: Article[] = [];
  for (const article of articles) {
    // A story skipped for want of text says only that; what segmenting it found is moot.
    const own = new RunContext();
    const story = segmentArticle(article, { storyIndex: stories.length, context: own });
    if (!hasArticleText(story)) {
      context?.warn({ stage: 'segment', code: 'INPUT_NO_ARTICLE_TEXT', source: article.source, message: `${article.source}: no article text found; skipped` });
      continue;
    }
    stories.push(story);
    kept.push(article);
    for (const warning of own.warnings) context?.warn(warning);
  }
  if (stories.length === 0 && articles.length > 0) {
    throw new BriefingError('INPUT_NO_ARTICLE_TEXT', `${articles.map((article) => article.source).join(', ')}: no article text found`);
  }
  return { stories, articles: kept };
}

/**
 * Runs ingest, segment, normalize and SSML rendering: everything before the
 * engine is asked for audio. `briefing segments`, `briefing ssml` and
 * `--dry-run` stop here. Every stage warns into `options.context` (one is
 * made when absent), returned as `context`.
 */
export async function prepareBriefing(options: PrepareOptions): Promise<PreparedBriefing> {
  const context = options.context ?? new RunContext();
  let ingested: Article[];
  if (options.read) {
    const ingest = context.stage('ingest');
    for (const warning of options.read.warnings) ingest.warn(warning);
    ingested = [...options.read.articles];
  } else {
    ingested = await ingestInputs(options.inputs, { ...options, context });
  }
  options.onProgress?.({ stage: 'segment', message: 'finding titles, paragraphs and quotes' });
  const segmented = segmentArticles(ingested, context);
  const { stories, articles } = segmented;
  const showLanguage = options.showLanguage ?? stories[0]?.language ?? 'en';
  const title = options.title ?? (stories.length === 1 ? stories[0]!.title : dailyTitle(options.show ?? 'Briefing', options.now?.() ?? new Date(), showLanguage));
  const framed = stories.length > 1;
  const segments = frameBriefing(
    stories,
    {
      show: options.show ?? 'Briefing',
      date: options.now?.() ?? new Date(),
      language: showLanguage,
      title,
      ...(options.maxHeadlines !== undefined ? { maxHeadlines: options.maxHeadlines } : {}),
    },
    options.frame,
    { intro: options.intro ?? framed, outro: options.outro ?? options.intro ?? framed },
  );
  if (stories.every((story) => story.blocks.length === 0)) throw new BriefingError('INPUT_EMPTY', `${options.inputs.join(', ')}: has no readable text`);

  options.onProgress?.({ stage: 'normalize', message: 'expanding numbers, dates and abbreviations' });
  const lexicon = mergeLexicons(defaultLexicon(), options.lexicon ? await loadLexicon(options.lexicon) : undefined);
  const blocks = normalizeBlocks(segments, { lexicon, context });

  const engine = await resolveEngine(options);
  const voice = options.voice ?? engine.defaultVoice;
  const quotes: QuoteStyle = { ...DEFAULT_QUOTE_STYLE, ...(options.quotes ?? {}) };
  const pauses = { ...DEFAULT_PAUSES, ...(options.pauses ?? {}) };
  options.onProgress?.({ stage: 'render', message: `rendering SSML for ${engine.id}` });
  const frameKinds = new Set(['intro', 'transition', 'outro']);
  const rendered = blocks.map((block, index) =>
    renderBlock(block, pauseAfter(block, blocks[index + 1], pauses), engine, {
      voice: frameKinds.has(block.kind) && options.introVoice ? options.introVoice : voice,
      quotes,
      requestPerSentence: engine.capabilities.embedded,
      context,
    }),
  );
  return {
    title,
    language: stories[0]?.language ?? 'en',
    articles,
    stories,
    segments,
    blocks,
    rendered,
    engine,
    voice,
    context,
  };
}

/** The title of a briefing of several stories: the show and the day, "Briefing, Saturday 28 November 2026". */
function dailyTitle(show: string, date: Date, language: string): string {
  const day = new Intl.DateTimeFormat(canonicalLanguage(language) ?? 'en', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(date);
  return `${show}, ${day}`;
}
