/** What one ElevenLabs model accepts. */
export interface ElevenLabsModelTraits {
  /** Characters a request may hold. */
  maxCharacters: number;
  /** SSML tags the model honours in the `text` field. */
  ssmlTags: readonly string[];
}

/** Documented per-request character limits, by model id. */
const MAX_CHARACTERS: Readonly<Record<string, number>> = {
  eleven_v3: 5_000,
  eleven_flash_v2_5: 40_000,
  eleven_turbo_v2_5: 40_000,
  eleven_flash_v2: 30_000,
  eleven_turbo_v2: 30_000,
  eleven_multilingual_v2: 10_000,
  eleven_multilingual_v1: 10_000,
  eleven_monolingual_v1: 10_000,
  eleven_english_v2: 10_000,
};

/** Models that take `<phoneme>` tags: the English-only Flash v2, Turbo v2 and English v1. */
const PHONEME_MODELS = new Set(['eleven_flash_v2', 'eleven_turbo_v2', 'eleven_monolingual_v1']);

/** Eleven v3 reads no SSML at all: its pauses are `[pause]`-style audio tags. */
const NO_SSML_MODELS = new Set(['eleven_v3']);

/** Limit for a model this table does not know: the smallest documented one. */
const UNKNOWN_MODEL_MAX_CHARACTERS = 5_000;

/** The documented limits and SSML support of `modelId`. */
export function elevenLabsModelTraits(modelId: string): ElevenLabsModelTraits {
  const maxCharacters = MAX_CHARACTERS[modelId] ?? UNKNOWN_MODEL_MAX_CHARACTERS;
  if (NO_SSML_MODELS.has(modelId)) return { maxCharacters, ssmlTags: [] };
  return { maxCharacters, ssmlTags: PHONEME_MODELS.has(modelId) ? ['break', 'phoneme'] : ['break'] };
}
