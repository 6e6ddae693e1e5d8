/** The kinds of narration block, in the order a listener meets them. */
export type BlockKind =
  | 'intro'
  | 'title'
  | 'standfirst'
  | 'heading'
  | 'paragraph'
  | 'quote'
  | 'list-item'
  | 'transition'
  | 'outro';

/** A stretch of a sentence; quoted speech is its own run. */
export interface TextRun {
  /** Display wording of the run, as the article wrote it. */
  text: string;
  /** True when the run is quoted speech (quotation marks excluded from `text`). */
  quote?: boolean;
  /** Who said it, when the article says. */
  speaker?: string;
}

/** One sentence of a block, as runs of plain text and quoted speech. */
export interface Sentence {
  /** Display wording of the whole sentence, quotation marks included. */
  text: string;
  runs: TextRun[];
}

/** Something the segmenter chose not to read, and why. */
export interface DroppedText {
  text: string;
  reason: string;
}

/** One unit of narration: a title, a paragraph, a heading, ... */
export interface NarrationBlock {
  /** Stable id within a briefing, e.g. `s1-b4`. */
  id: string;
  kind: BlockKind;
  /** Display wording of the whole block. */
  text: string;
  sentences: Sentence[];
  /** Index of the story this block belongs to (0 for a one-article briefing). */
  story: number;
  /** BCP 47 language of the block. */
  language: string;
  /** For headings: their level (2 for `##` / `h2`). */
  level?: number;
}

/** What the segment stage produces for one article. */
export interface SegmentedStory {
  title: string;
  author?: string;
  publishedAt?: string;
  url?: string;
  guid?: string;
  source: string;
  language: string;
  blocks: NarrationBlock[];
  dropped: DroppedText[];
}
