import { detectFormat } from './detect-format.js';
import { stageReporter } from '../platform/run-context.js';
import type { IngestOptions, IngestResult, ReadArticles } from './ingest-options.js';
import { readArticles } from './ingest-text.js';
import { decodeText } from './decode-text.js';
import { readInput } from './read-input.js';

/**
 * Reads one article from a file, or from standard input when `path` is `-`.
 * The format comes from the extension, else from the content. Warnings go
 * to `options.context`, stage `ingest`.
 *
 * @throws BriefingError `INPUT_NOT_FOUND`, `INPUT_UNREADABLE`,
 *   `INPUT_TOO_LARGE`, `INPUT_NOT_TEXT` or `INPUT_EMPTY`, with a one-line
 *   message that starts with the path
 */
export async function ingestFile(path: string, options: IngestOptions = {}): Promise<IngestResult> {
  const { articles, warnings } = await readArticleFile(path, options);
  const reporter = stageReporter(options.context, 'ingest');
  for (const warning of warnings) reporter.warn(warning);
  return { articles };
}

/** {@link ingestFile} with its warnings returned rather than reported, for the readers of a briefing's inputs. */
export async function readArticleFile(path: string, options: Omit<IngestOptions, 'context'> = {}): Promise<ReadArticles> {
  const bytes = await readInput(path, options.stdin);
  const { text, warnings } = decodeText(bytes, path);
  const result = readArticles(text, path, detectFormat(path, text), options);
  return { articles: result.articles, warnings: [...warnings, ...result.warnings] };
}
