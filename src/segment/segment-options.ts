import type { RunContext } from '../platform/run-context.js';

/** Options for {@link segmentArticle}. */
export interface SegmentOptions {
  /** Story number within the briefing: used in block ids (`s0-b3`) and `NarrationBlock.story`. Default 0. */
  storyIndex?: number;
  /** The run the warnings go to (stage `segment`): unclosed quotation marks, nothing after the title. Without one they are not kept. */
  context?: RunContext;
}
