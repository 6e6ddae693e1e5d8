import { createHash } from 'node:crypto';
import type { Article, StageWarning } from '../ingest/article.js';
import { RunContext } from '../platform/run-context.js';
import { ingestText } from '../ingest/ingest-text.js';
import type { PrepareOptions } from '../pipeline/build-options.js';
import { ingestInputs } from '../pipeline/prepare-briefing.js';
import type { EpisodeInput } from './episode-request.js';

/** A job's stories as read once: handed to the build and to every part of a fanned-out synthesis. */
export interface JobStories {
  articles: Article[];
  warnings: StageWarning[];
}

/** What an untitled posted article is called (a file would be named after its file name). */
const UNTITLED = 'Posted article';

/**
 * The name a job's article goes by in the manifest, the episode's identity
 * and messages: its address for a URL or feed, and `posted:` with the
 * SHA-256 of the content (first 32 hex digits) for posted text, Markdown or
 * HTML. The same article posted twice has the same name, so it is the same
 * episode; nothing of the machine that built it is published.
 */
export function jobSourceName(input: EpisodeInput): string {
  if (input.kind === 'url' || input.kind === 'feed') return input.value;
  return `posted:${createHash('sha256').update(input.value).digest('hex').slice(0, 32)}`;
}

/**
 * Reads a job's stories: posted content from memory, a URL or feed through
 * `settings.fetch` (the service gives one that reaches public addresses
 * only), with the build's language, story selection and `skip`.
 *
 * @throws BriefingError as ingest does (`INPUT_EMPTY`, `INPUT_FETCH_FAILED`,
 *   `URL_NOT_ALLOWED`, `NOTHING_NEW`, ...), naming the source
 */
export async function readJobInput(input: EpisodeInput, settings: Omit<PrepareOptions, 'inputs'>): Promise<JobStories> {
  const source = jobSourceName(input);
  const context = new RunContext();
  if (input.kind === 'url' || input.kind === 'feed') {
    const articles = await ingestInputs([source], { ...settings, context });
    return { articles, warnings: context.warnings };
  }
  const { articles } = ingestText(input.value, source, input.kind, { ...(settings.language ? { language: settings.language } : {}), context });
  const read: JobStories = { articles, warnings: context.warnings };
  const untitled = read.warnings.some((warning) => warning.code === 'INPUT_NO_TITLE');
  if (!untitled) return read;
  return {
    articles: read.articles.map((article) => ({ ...article, title: UNTITLED })),
    warnings: read.warnings.map((warning) => (warning.code === 'INPUT_NO_TITLE' ? { ...warning, message: `${source}: no title found; using "${UNTITLED}"` } : warning)),
  };
}
