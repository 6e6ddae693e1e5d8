/** Polly's synthesis engines. */
export const POLLY_ENGINE_TYPES = ['standard', 'neural', 'long-form', 'generative'] as const;

/** One of {@link POLLY_ENGINE_TYPES}. */
export type PollyEngineType = (typeof POLLY_ENGINE_TYPES)[number];

const COMMON = ['speak', 'break', 'lang', 'mark', 'p', 'phoneme', 'prosody', 's', 'say-as', 'sub', 'w'] as const;

/**
 * SSML tags each Polly engine honours, per Polly's "Supported SSML tags" table:
 * standard voices take every tag (except the news domain); neural and
 * long-form voices take no `<emphasis>`; generative voices take neither
 * `<emphasis>` nor the `amazon:effect` tags (and `mark`, `phoneme`, `prosody` only partly).
 */
export function pollySsmlTags(engine: PollyEngineType): readonly string[] {
  switch (engine) {
    case 'standard':
      return [...COMMON, 'emphasis', 'amazon:auto-breaths', 'amazon:effect'];
    case 'neural':
    case 'long-form':
      return [...COMMON, 'amazon:effect'];
    case 'generative':
      return [...COMMON];
  }
}
