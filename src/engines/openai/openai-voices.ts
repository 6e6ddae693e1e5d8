import type { Voice } from '../speech-engine.js';

/**
 * The built-in voices the speech API documents (`alloy` … `cedar`). The API
 * has no voice-list endpoint. The voices are tuned for English but speak
 * every language the model supports, following the language of the input.
 */
export const OPENAI_VOICE_IDS = [
  'alloy',
  'ash',
  'ballad',
  'coral',
  'echo',
  'fable',
  'onyx',
  'nova',
  'sage',
  'shimmer',
  'verse',
  'marin',
  'cedar',
] as const;

/** {@link OPENAI_VOICE_IDS} as `Voice`s: language `en` (multilingual in practice). */
export function openAiVoices(): Voice[] {
  return OPENAI_VOICE_IDS.map((id) => ({
    id,
    name: `${id[0]!.toUpperCase()}${id.slice(1)} (tuned for English, multilingual)`,
    languages: ['en'],
  }));
}
