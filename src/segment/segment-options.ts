import type { StageWarning } from '../ingest/article.js';
import type { SegmentedStory } from './narration-block.js';

/** Options for {@link segmentArticle}. */
export interface SegmentOptions {
  /** Story number within the briefing: used in block ids (`s0-b3`) and `NarrationBlock.story`. Default 0. */
  storyIndex?: number;
}

/** What the segment stage produces for one article. */
export interface SegmentResult {
  story: SegmentedStory;
  warnings: StageWarning[];
}
