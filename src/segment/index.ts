/**
 * The segment stage: an {@link Article} becomes narration blocks with
 * sentences, quoted speech and speakers; captions, credits and boilerplate
 * are dropped here.
 */
export type { BlockKind, DroppedText, NarrationBlock, SegmentedStory, Sentence, TextRun } from './narration-block.js';
export { hasArticleText } from './article-text.js';
export { segmentArticle } from './segment-article.js';
export type { SegmentOptions } from './segment-options.js';
export { splitSentences } from './split-sentences.js';
