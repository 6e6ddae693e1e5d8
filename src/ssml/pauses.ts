import type { BlockKind } from '../segment/narration-block.js';

/** Silence, in milliseconds, the narration leaves around blocks. */
export interface PauseSettings {
  /** After the title of a story. */
  afterTitleMs: number;
  /** After the standfirst. */
  afterStandfirstMs: number;
  /** Between paragraphs (and after quotes). */
  betweenParagraphsMs: number;
  /** Before a section heading. */
  beforeHeadingMs: number;
  /** After a section heading. */
  afterHeadingMs: number;
  /** Between list items. */
  betweenListItemsMs: number;
  /** Between two stories of a briefing. */
  betweenStoriesMs: number;
  /** Longest pause the pipeline will ever ask for. */
  maxPauseMs: number;
}

/** The defaults; every one can be overridden by a flag or the config. */
export const DEFAULT_PAUSES: PauseSettings = {
  afterTitleMs: 900,
  afterStandfirstMs: 700,
  betweenParagraphsMs: 450,
  beforeHeadingMs: 900,
  afterHeadingMs: 500,
  betweenListItemsMs: 300,
  betweenStoriesMs: 1500,
  maxPauseMs: 3000,
};

/** Minimal shape of a block for pause decisions. */
interface PauseBlock {
  kind: BlockKind;
  story: number;
}

function pauseAfterKind(kind: BlockKind, pauses: PauseSettings): number {
  switch (kind) {
    case 'title':
      return pauses.afterTitleMs;
    case 'standfirst':
      return pauses.afterStandfirstMs;
    case 'heading':
      return pauses.afterHeadingMs;
    case 'list-item':
      return pauses.betweenListItemsMs;
    case 'intro':
    case 'transition':
      return pauses.afterTitleMs;
    case 'outro':
      return 0;
    default:
      return pauses.betweenParagraphsMs;
  }
}

/**
 * The pause heard after `block`, before `next`: the larger of what the block
 * wants after it and what the next block wants before it. The pause belongs to
 * the end of `block`, so every block starts with speech.
 */
export function pauseAfter(block: PauseBlock, next: PauseBlock | undefined, pauses: PauseSettings): number {
  if (!next) return 0;
  let ms = pauseAfterKind(block.kind, pauses);
  if (next.kind === 'heading') ms = Math.max(ms, pauses.beforeHeadingMs);
  if (next.story !== block.story || next.kind === 'transition' || next.kind === 'outro') {
    ms = Math.max(ms, pauses.betweenStoriesMs);
  }
  if (block.kind === 'list-item' && next.kind !== 'list-item') ms = Math.max(ms, pauses.betweenParagraphsMs);
  return Math.min(Math.max(0, Math.round(ms)), pauses.maxPauseMs);
}
