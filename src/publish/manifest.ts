import type { StageWarning } from '../ingest/article.js';
import type { BlockKind } from '../segment/narration-block.js';
import type { SynthesisStats } from '../synthesize/synthesized-block.js';
import type { LoudnessMeasurement } from '../platform/ffmpeg.js';

/** A quoted span and who said it. */
export interface ManifestQuote {
  /** Display wording of the quoted span. */
  text: string;
  /** The words sent to the engine for it. */
  speech: string;
  speaker?: string;
}

/** A sentence and when it is heard. */
export interface ManifestSentence {
  text: string;
  speech: string;
  startMs: number;
  endMs: number;
  /** Speaker when the whole sentence is quoted speech. */
  speaker?: string;
  /** When each spoken word is heard, where the engine gave word timings (the words as spoken). */
  words?: { text: string; startMs: number; endMs: number }[];
}

/** A block of the episode as heard. */
export interface ManifestBlock {
  id: string;
  kind: BlockKind;
  /** Index of the story in the briefing. */
  story: number;
  /** Display wording. */
  text: string;
  /** The words sent to the engine. */
  speech: string;
  /** SSML of the block: the engine's dialect, or what the pipeline played for a text engine. */
  ssml: string;
  startMs: number;
  endMs: number;
  /** For quote blocks: who is speaking, when known. */
  speaker?: string;
  /** Quoted spans inside the block. */
  quotes: ManifestQuote[];
  sentences: ManifestSentence[];
}

/** A chapter: a story, or a heading inside one. */
export interface ManifestChapter {
  title: string;
  startMs: number;
  endMs: number;
  /** Id of the block where the chapter starts. */
  blockId: string;
}

/** A story of the briefing. */
export interface ManifestStory {
  title: string;
  source: string;
  url?: string;
  guid?: string;
  author?: string;
  publishedAt?: string;
  startMs: number;
}

/** A file of the episode folder. */
export interface ManifestFile {
  name: string;
  bytes: number;
  /** For audio files. */
  durationMs?: number;
}

/** Everything about one episode; written as `manifest.json`. */
export interface Manifest {
  /** Manifest format version. */
  version: 1;
  title: string;
  /** Identity of the episode's content: a rebuild with the same hash replaces this episode, any other gets a folder of its own. */
  contentHash?: string;
  /**
   * Identity of what the episode was built from, known before reading it:
   * the input files' bytes, the settings and the installed briefing. Set
   * when every input is a plain article file; a rebuild with the same key
   * reuses this folder without reading the articles again.
   */
  rebuildKey?: string;
  /** ISO 8601 time the episode was built. */
  createdAt: string;
  /** The episode's date (YYYY-MM-DD). */
  date: string;
  language: string;
  author?: string;
  publishedAt?: string;
  /** The episode's description as its maker gave it (`--description`); absent when it is derived from the stories. */
  description?: string;
  /** Path of the MP3 relative to the manifest. */
  audio: string;
  durationMs: number;
  engine: string;
  /**
   * The engine's version (for an embedded engine, its installed package's): a
   * rebuild with another version makes the episode again instead of reusing it.
   */
  engineVersion?: string;
  voice: string;
  stories: ManifestStory[];
  blocks: ManifestBlock[];
  chapters: ManifestChapter[];
  /** Text the segmenter chose not to read, and why. */
  dropped: { story: number; text: string; reason: string }[];
  /** Loudness of the finished MP3. */
  loudness?: LoudnessMeasurement & { targetLufs: number; truePeakLimitDbtp: number; /** MP3 encodes the build made (0: reused from the cache). */ encodes: number };
  synthesis: SynthesisStats;
  files: ManifestFile[];
  warnings: StageWarning[];
}
