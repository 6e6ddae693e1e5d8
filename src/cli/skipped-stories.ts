import type { StageWarning } from '../ingest/article.js';

/** Codes of warnings that mean a story was left out of the briefing. */
const SKIPPED_STORY_CODES = new Set(['INPUT_NO_ARTICLE_TEXT', 'INPUT_EMPTY']);

/**
 * Writes one `warning:` line for each story left out of a briefing because it
 * had no readable or no article text, so a build never drops a story without
 * saying so.
 */
export function reportSkippedStories(warnings: readonly StageWarning[], stderr: { write(text: string): unknown }): void {
  for (const warning of warnings) {
    if (SKIPPED_STORY_CODES.has(warning.code)) stderr.write(`warning: ${warning.message}\n`);
  }
}
