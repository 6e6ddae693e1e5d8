import type { AudioCache } from '../synthesize/audio-cache.js';
import type { PauseSettings } from '../ssml/pauses.js';
import type { QuoteStyle } from '../ssml/speech-plan.js';
import type { SpeechEngine } from '../engines/speech-engine.js';
import type { FrameTemplates } from './briefing-frame.js';
import type { Article, StageWarning } from '../ingest/article.js';
import type { MusicSettings } from '../assemble/music-mix.js';
import type { RunContext } from '../platform/run-context.js';

/** A step of a build, reported to `onProgress`. */
export type BuildProgress =
  | { stage: 'ingest' | 'segment' | 'normalize' | 'render' | 'assemble' | 'loudness' | 'encode' | 'publish'; message: string }
  | { stage: 'synthesize'; done: number; total: number; audioMs: number };

/** Options of {@link prepareBriefing}: everything up to the engine's input. */
export interface PrepareOptions {
  /** Files (`-` for stdin). */
  inputs: string[];
  /**
   * The stories of `inputs`, already read: ingest is skipped and `inputs`
   * only names them in messages. The service reads a job's article once
   * and hands it to every part of its build.
   */
  read?: { articles: Article[]; warnings: StageWarning[] };
  /** Engine id, path of an engine module, or an engine object. Default `flite`. */
  engine?: string | SpeechEngine;
  /** Engine-specific options (`--engine-option key=value`). */
  engineOptions?: Record<string, string | number | boolean | undefined>;
  /** Voice of the narration; the engine's default when absent. */
  voice?: string;
  /** Episode title; the story's title for one story. */
  title?: string;
  /** Force the language (BCP 47) instead of detecting it. */
  language?: string;
  /** Pauses between blocks. */
  pauses?: Partial<PauseSettings>;
  /** How quotes are voiced. */
  quotes?: Partial<QuoteStyle>;
  /** Path of a pronunciation lexicon (JSON or PLS). */
  lexicon?: string;
  /** Environment for credentials (defaults to `process.env`). */
  env?: Record<string, string | undefined>;
  /** fetch for network engines (tests and proxies). */
  fetch?: typeof fetch;
  signal?: AbortSignal;
  onProgress?: (progress: BuildProgress) => void;
  /**
   * The run every stage warns into; one is made when absent. Give your own
   * to see warnings as they are raised (`new RunContext({ onWarning })`).
   */
  context?: RunContext;
  /** Show name, said in the intro and written as the ID3 album. Default "Briefing". */
  show?: string;
  /**
   * Language of the show (BCP 47): the date in a briefing's title (and so
   * its folder name) and in the spoken intro is written in it, whatever the
   * stories' languages. Default: the first story's language.
   */
  showLanguage?: string;
  /** Speak an intro. Default: on for a briefing of several stories, off for one article. */
  intro?: boolean;
  /** Speak an outro. Default: as `intro`. */
  outro?: boolean;
  /** Wording of the intro, transitions and outro. */
  frame?: Partial<FrameTemplates>;
  /** Voice for the intro, transitions and outro; the main voice when absent. */
  introVoice?: string;
  /** The clock (tests, and the date said in the intro). */
  now?: () => Date;
  /** Story order: as given (feeds: their own order), or newest first. */
  sort?: 'given' | 'newest';
  /** At most this many stories; the rest wait for the next briefing. Default 12 (`DEFAULT_MAX_STORIES`). */
  maxStories?: number;
  /** Headlines read in the intro; the others are counted ("and 7 more"). Default 5 (`DEFAULT_MAX_HEADLINES`). */
  maxHeadlines?: number;
  /** Leave out stories published before this. */
  since?: Date;
  /** Feed stories to leave out (those already briefed). */
  skip?: (article: Article) => boolean;
  /** Per-request timeout for URLs and feeds, ms. Default 15000. */
  timeoutMs?: number;
}

/** Options of {@link buildBriefing}. */
export interface BuildOptions extends PrepareOptions {
  /** Folder the episode folder is written in. Default `output`. */
  outputDirectory?: string;
  /** MP3 bitrate in kbps (CBR). Default 64. */
  bitrateKbps?: number;
  /** Integrated loudness target, LUFS. Default −16. */
  loudnessLufs?: number;
  /** True-peak ceiling, dBTP. Default −1. */
  truePeakDbtp?: number;
  /** Cache folder (or a cache object, as the service's S3 store uses), or `false` for none. Default: the user's cache folder. */
  cache?: string | false | AudioCache;
  /** Requests in flight at once. Default: one per core for embedded engines, 4 for cloud engines. */
  jobs?: number;
  /** Retries of retryable engine errors. Default 3. */
  retries?: number;
  /** ffmpeg binary; default `FFMPEG_PATH`, else the bundled one. */
  ffmpegPath?: string;
  /** Show author, when it differs from the article's byline. */
  showAuthor?: string;
  /** Episode description (ID3 comment). Default: the standfirst or the story titles. */
  description?: string;
  /** Music: intro, outro and a ducked bed under the speech (stereo output). None by default. */
  music?: MusicSettings | false;
  /** Cover image (PNG or JPEG) for the ID3 tag; `false` for none. Default: templates/cover.png. */
  coverImage?: string | false;
}
