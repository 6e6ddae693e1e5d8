/**
 * Inputs of a briefing beyond single files: folders, web pages and RSS or
 * Atom feeds (files or addresses), read into {@link Article}s and filtered
 * by date, by what was already briefed, and by count.
 */
export type { Article, StageWarning } from '../ingest/article.js';
export { DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT_MS, readSources, type SourceOptions, type SourceResult } from './read-sources.js';
export { SHORT_SUMMARY_CHARS } from './feed-item-article.js';
export { FOLDER_EXTENSIONS } from './read-folder-input.js';
export { FEED_EXTENSIONS } from './feed-file.js';
export { DEFAULT_MAX_STORIES } from './story-selection.js';
