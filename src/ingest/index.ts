/**
 * The ingest stage: files, standard input and in-memory text in plain text,
 * Markdown or HTML become {@link Article}s.
 */
export type { Article, BodyNode, StageWarning } from './article.js';
export { detectFormat } from './detect-format.js';
export { ingestFile } from './ingest-file.js';
export type { IngestOptions, IngestResult, InputFormat } from './ingest-options.js';
export { ingestText } from './ingest-text.js';
export { MAX_INPUT_BYTES } from './input-errors.js';
