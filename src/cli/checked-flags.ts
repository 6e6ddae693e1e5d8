/**
 * The flags whose values are checked against a schema (see `FLAG_SCHEMAS` in
 * flag-values.ts, which must cover exactly these). Listed apart from the
 * schemas so that a command given none of them never loads the schema library.
 */
export const CHECKED_FLAGS = [
  'title',
  'language',
  'lexicon',
  'voice',
  'quote-voice',
  'intro-voice',
  'show',
  'pause-title',
  'pause-paragraph',
  'pause-heading',
  'pause-story',
  'max-pause',
  'output',
  'bitrate',
  'loudness',
  'true-peak',
  'cache',
  'jobs',
  'retries',
  'description',
  'cover',
  'intro-music',
  'outro-music',
  'music-bed',
  'bed-level',
  'max-stories',
  'max-headlines',
  'since',
  'timeout',
  'keep',
  'base-url',
  'port',
] as const;

/** One of {@link CHECKED_FLAGS}. */
export type CheckedFlag = (typeof CHECKED_FLAGS)[number];

/** True when `args` (yargs' parsed arguments) holds a value for any checked flag. */
export function hasCheckedFlag(args: Record<string, unknown>): boolean {
  return CHECKED_FLAGS.some((flag) => args[flag] !== undefined);
}
