import type { StageWarning } from '../ingest/article.js';

/** Most warning lines printed; the rest are counted and left to the manifest. */
const MOST_LINES = 8;
/** Warnings that say a story was left out of the briefing: listed first, so the cut never hides one. */
const SKIPPED_STORY_CODES = new Set(['INPUT_NO_ARTICLE_TEXT', 'INPUT_EMPTY']);

function line(warning: StageWarning): string {
  const about = warning.blockId ? ` (${warning.blockId})` : '';
  const source = warning.source && !warning.message.includes(warning.source) ? `${warning.source}: ` : '';
  return `${source}${warning.message}${about}`;
}

/**
 * A short summary of a run's warnings for the terminal: a count, then one
 * line per distinct warning (repeats counted), at most a few lines, and
 * where to read the rest. Empty when there are none.
 */
export function summarizeWarnings(warnings: readonly StageWarning[], where?: string): string {
  if (warnings.length === 0) return '';
  const counts = new Map<string, number>();
  const skippedFirst = [...warnings].sort((a, b) => Number(SKIPPED_STORY_CODES.has(b.code)) - Number(SKIPPED_STORY_CODES.has(a.code)));
  for (const warning of skippedFirst) {
    const text = line(warning);
    counts.set(text, (counts.get(text) ?? 0) + 1);
  }
  const distinct = [...counts.entries()];
  const shown = distinct.slice(0, MOST_LINES).map(([text, times]) => `  - ${text}${times > 1 ? ` (×${times})` : ''}`);
  const rest = distinct.length - shown.length;
  const heading = `briefing: ${warnings.length} ${warnings.length === 1 ? 'warning' : 'warnings'}${where ? ` (see ${where})` : ''}:`;
  return [heading, ...shown, ...(rest > 0 ? [`  … and ${rest} more`] : [])].join('\n') + '\n';
}
