import type { MusicSettings } from '../assemble/music-mix.js';
import type { ShowSettings } from '../publish/show-settings.js';

/** The speech engine and its settings. */
export interface EngineSettings {
  /** Engine id (`flite`, `espeak`, `polly`, ...) or the path of an engine module. */
  id: string;
  /** Engine-specific settings, as `--engine-option key=value` would give them. */
  options: Record<string, string | number | boolean>;
}

/** Voices of the narration; the engine's default where absent. */
export interface VoiceSettings {
  /** The narration. */
  main?: string;
  /** Quoted speech. */
  quote?: string;
  /** The intro, transitions and outro. */
  intro?: string;
}

/** Silences between blocks, in milliseconds; the pipeline's defaults where absent. */
export interface PauseConfig {
  afterTitleMs?: number;
  afterStandfirstMs?: number;
  betweenParagraphsMs?: number;
  beforeHeadingMs?: number;
  afterHeadingMs?: number;
  betweenListItemsMs?: number;
  betweenStoriesMs?: number;
  maxPauseMs?: number;
}

/** How quoted speech is read. */
export interface QuoteSettings {
  /** SSML emphasis on quoted spans. */
  emphasis: 'none' | 'reduced' | 'moderate' | 'strong';
  /** Say "quote" and "end quote" around quoted spans. */
  cues: boolean;
}

/** Loudness of the finished MP3. */
export interface LoudnessSettings {
  /** Integrated loudness target, LUFS. */
  integratedLufs: number;
  /** True-peak ceiling, dBTP. */
  truePeakDbtp: number;
}

/**
 * Wording of the spoken frame; the built-in wording where absent.
 * Placeholders: `{show}`, `{weekday}`, `{date}`, `{count}`, `{title}`, `{headlines}`.
 */
export interface TemplateSettings {
  /** Said first. */
  intro?: string;
  /** Said last. */
  outro?: string;
  /** Introduces each story between the first and the last of several ({title} is the story's). */
  transition?: string;
  /** Introduces the first story of several. */
  firstStory?: string;
  /** Introduces the last story of several. */
  lastStory?: string;
}

/** The contents of `briefing.config.json`, validated, defaults filled and paths absolute. */
export interface BriefingConfig {
  show: ShowSettings;
  engine: EngineSettings;
  voices: VoiceSettings;
  pauses: PauseConfig;
  quotes: QuoteSettings;
  loudness: LoudnessSettings;
  /** MP3 bitrate, kbps (constant bitrate). */
  bitrateKbps: number;
  templates: TemplateSettings;
  /** Pronunciation lexicon (JSON or W3C PLS). */
  lexicon?: string;
  /** US dollars per million characters by engine id (or `engine:tier`), for `--dry-run` estimates. */
  prices: Record<string, number>;
  /** How many episodes the feed keeps, newest first; all when absent. */
  keep?: number;
  /** Most stories in one briefing; the rest wait for the next one. 12 when absent. */
  maxStories?: number;
  /** Headlines the intro reads; the others are counted ("and 7 more"). 5 when absent. */
  maxHeadlines?: number;
  /** Folder the episode folders, the feed and the show page are written in. */
  output: string;
  /** Music around and under the narration (`true` in the file: the bundled set); none when false. */
  music: MusicSettings | false;
}
