import { detectFormat } from './detect-format.js';
import type { IngestOptions, IngestResult } from './ingest-options.js';
import { ingestText } from './ingest-text.js';
import { decodeText } from './decode-text.js';
import { readInput } from './read-input.js';

/**
 * Reads one article from a file, or from standard input when `path` is `-`.
 * The format comes from the extension, else from the content.
 *
 * @throws BriefingError `INPUT_NOT_FOUND`, `INPUT_UNREADABLE`,
 *   `INPUT_TOO_LARGE`, `INPUT_NOT_TEXT` or `INPUT_EMPTY`, with a one-line
 *   message that starts with the path
 */
export async function ingestFile(path: string, options: IngestOptions = {}): Promise<IngestResult> {
  const bytes = await readInput(path, options.stdin);
  const { text, warnings } = decodeText(bytes, path);
  const result = ingestText(text, path, detectFormat(path, text), options);
  return { articles: result.articles, warnings: [...warnings, ...result.warnings] };
}
