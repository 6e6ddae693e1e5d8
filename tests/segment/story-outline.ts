import type { SegmentedStory, TextRun } from '../../src/segment/narration-block.js';

/** Folds text the way listeners compare it: case, curly quotes, dashes and spacing do not count. */
export function fold(text: string): string {
  return text
    .toLowerCase()
    .replace(/[‘’‚‛′]/g, "'")
    .replace(/[“”„‟″]/g, '"')
    .replace(/[‐‑‒–—―−]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Every block's text of a story, folded, one block a line. */
export function spokenText(story: SegmentedStory): string {
  return story.blocks.map((block) => fold(block.text)).join('\n');
}

/** How often `snippet` is spoken across the story's blocks. */
export function timesSpoken(story: SegmentedStory, snippet: string): number {
  return spokenText(story).split(fold(snippet)).length - 1;
}

/** The quote runs of a story that contain `snippet`. */
export function quoteRunsWith(story: SegmentedStory, snippet: string): TextRun[] {
  return story.blocks
    .flatMap((block) => block.sentences.flatMap((sentence) => sentence.runs))
    .filter((run) => run.quote === true && fold(run.text).includes(fold(snippet)));
}

/** True when the snippets are spoken in this order. */
export function spokenInOrder(story: SegmentedStory, snippets: string[]): boolean {
  const text = spokenText(story);
  let position = -1;
  for (const snippet of snippets) {
    const found = text.indexOf(fold(snippet), position + 1);
    if (found <= position) return false;
    position = found;
  }
  return true;
}
