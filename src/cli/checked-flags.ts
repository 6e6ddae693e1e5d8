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

/**
 * The checked flags whose schema is plain text (trimmed, not empty), the
 * cover and cache flags also taking their `--no-` form. Their values are
 * checked here without loading the schema library, which costs a build
 * given only `-o` and `--cache` a tenth of a second; anything else, or a
 * value these refuse, goes to the schemas for the error message.
 */
const TEXT_FLAGS: ReadonlySet<CheckedFlag> = new Set<CheckedFlag>([
  'title', 'lexicon', 'voice', 'quote-voice', 'intro-voice', 'show', 'output', 'description', 'intro-music', 'outro-music', 'music-bed', 'since',
]);
const TEXT_OR_OFF_FLAGS: ReadonlySet<CheckedFlag> = new Set<CheckedFlag>(['cache', 'cover']);

/** `flag` written camelCase, as yargs also stores it. */
export function camelCase(flag: string): string {
  return flag.replace(/-([a-z])/g, (_match, letter: string) => letter.toUpperCase());
}

/**
 * Checks the checked flags of `args` when every one given is a text flag
 * with an acceptable value, writing the trimmed values back as the schemas
 * would, and returns true; returns false (changing nothing) when any needs
 * the schemas.
 */
export function checkTextFlags(args: Record<string, unknown>): boolean {
  const checked = new Map<CheckedFlag, string | false>();
  for (const flag of CHECKED_FLAGS) {
    const given = args[flag];
    if (given === undefined) continue;
    const value = Array.isArray(given) ? given.at(-1) : given;
    if (value === false && TEXT_OR_OFF_FLAGS.has(flag)) checked.set(flag, false);
    else if (typeof value === 'string' && value.trim() !== '' && (TEXT_FLAGS.has(flag) || TEXT_OR_OFF_FLAGS.has(flag))) checked.set(flag, value.trim());
    else return false;
  }
  for (const [flag, value] of checked) {
    args[flag] = value;
    args[camelCase(flag)] = value;
  }
  return true;
}
