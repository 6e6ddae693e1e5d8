import type { MusicSettings } from '../assemble/music-mix.js';
import type { ParsedConfig } from './config-schema.js';
import type { ShowSettings } from '../publish/show-settings.js';

// Every type here is the schema's own (see config-schema.ts for each field's
// meaning), so the file format and the types cannot drift apart.

/** The speech engine and its settings. */
export type EngineSettings = ParsedConfig['engine'];

/** Voices of the narration; the engine's default where absent. */
export type VoiceSettings = ParsedConfig['voices'];

/** Silences between blocks, in milliseconds; the pipeline's defaults where absent. */
export type PauseConfig = ParsedConfig['pauses'];

/** How quoted speech is read. */
export type QuoteSettings = ParsedConfig['quotes'];

/** Loudness of the finished MP3. */
export type LoudnessSettings = ParsedConfig['loudness'];

/** Wording of the spoken frame; the built-in wording where absent. */
export type TemplateSettings = ParsedConfig['templates'];

/**
 * The contents of `briefing.config.json`, validated, defaults filled and
 * paths absolute: what the schema returns, with the show's cover resolved
 * (see {@link ShowSettings}) and `music: true` turned into the bundled set.
 */
export type BriefingConfig = Omit<ParsedConfig, 'show' | 'music'> & {
  show: ShowSettings;
  /** Music around and under the narration; none when false. */
  music: MusicSettings | false;
};
