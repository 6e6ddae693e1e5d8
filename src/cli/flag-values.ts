import { z } from 'zod';
import { issueMessage } from '../config/config-issues.js';
import { SETTING_SCHEMAS as setting } from '../config/config-schema.js';
import { BriefingError } from '../errors.js';
import { camelCase, type CheckedFlag } from './checked-flags.js';

const seconds = z.number().positive({ error: 'expected a number of seconds above zero' });
const port = z.number().int({ error: 'expected a whole port number' }).min(0).max(65_535);
/** A file or folder flag: a path, or `false` from its `--no-` form. */
const pathOrOff = z.union([setting.text, z.literal(false)]);

/**
 * The flags that carry a setting, by name, with the schema they must meet:
 * the config file's own where the config has the setting, so the command
 * line refuses what the file refuses, in the same words.
 */
export const FLAG_SCHEMAS: Readonly<Record<CheckedFlag, z.ZodType>> = {
  title: setting.text,
  language: setting.language,
  lexicon: setting.text,
  voice: setting.text,
  'quote-voice': setting.text,
  'intro-voice': setting.text,
  show: setting.text,
  'pause-title': setting.milliseconds,
  'pause-paragraph': setting.milliseconds,
  'pause-heading': setting.milliseconds,
  'pause-story': setting.milliseconds,
  'max-pause': setting.milliseconds,
  output: setting.text,
  bitrate: setting.bitrateKbps,
  loudness: setting.integratedLufs,
  'true-peak': setting.truePeakDbtp,
  cache: pathOrOff,
  jobs: setting.jobs,
  retries: setting.retries,
  description: setting.text,
  cover: setting.coverImage,
  'intro-music': setting.text,
  'outro-music': setting.text,
  'music-bed': setting.text,
  'bed-level': setting.bedLevelDb,
  'max-stories': setting.maxStories,
  'max-headlines': setting.maxHeadlines,
  since: setting.text,
  timeout: seconds,
  keep: setting.keep,
  'base-url': setting.webAddress,
  port,
};

function shown(value: unknown): string {
  if (typeof value === 'number' && Number.isNaN(value)) return '';
  if (value === undefined || (typeof value === 'string' && value.trim() === '')) return '';
  return ` ${String(value)}`;
}

/**
 * Checks every setting flag present in `args` (yargs' parsed arguments)
 * against {@link FLAG_SCHEMAS} and writes the checked value back (trimmed,
 * trailing slashes dropped) under both spellings of the flag. Throws one
 * `USAGE` error listing every problem, each as `--flag value: problem`.
 */
export function checkFlagValues(args: Record<string, unknown>): void {
  const problems: string[] = [];
  for (const [flag, schema] of Object.entries(FLAG_SCHEMAS)) {
    const value = args[flag];
    if (value === undefined) continue;
    // A flag given twice arrives as an array; the last one given wins, as yargs documents for scalars.
    const single = Array.isArray(value) ? value.at(-1) : value;
    const result = schema.safeParse(single);
    if (!result.success) {
      const issue = result.error.issues[0]!;
      problems.push(`--${flag}${shown(single)}: ${Number.isNaN(single) ? 'expected a number' : issueMessage(issue, single)}`);
      continue;
    }
    args[flag] = result.data;
    args[camelCase(flag)] = result.data;
  }
  if (problems.length > 0) throw new BriefingError('USAGE', problems.join('; '));
}
