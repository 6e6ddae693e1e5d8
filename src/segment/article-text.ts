import type { SegmentedStory } from './narration-block.js';

/** Kinds of block that are an article's own text, beyond its headline, standfirst and headings. */
const BODY_KINDS = new Set(['paragraph', 'quote', 'list-item']);

/**
 * True when a segmented story has body text to read: a paragraph, quote or
 * list item. A headline (with or without a standfirst or headings) alone is
 * not an article.
 */
export function hasArticleText(story: SegmentedStory): boolean {
  return story.blocks.some((block) => BODY_KINDS.has(block.kind));
}
