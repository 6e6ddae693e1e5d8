import { resolve } from 'node:path';
import type { InferredOptionTypes, Options } from 'yargs';
import type { BuildOptions } from '../../pipeline/build-options.js';
import { BriefingError } from '../../errors.js';

/** A path flag whose `--no-` form turns the setting off: yargs gives `false` for that form. */
function pathOrOff(value: string | false): string | false {
  return value;
}

/** The flags `build` adds to {@link PREPARE_FLAGS}. */
export const BUILD_FLAGS = {
  output: { alias: 'o', type: 'string', describe: 'folder the episode folder is written in (default output)' },
  json: { type: 'boolean', default: false, describe: 'print the manifest as JSON on stdout and nothing else' },
  quiet: { alias: 'q', type: 'boolean', default: false, describe: 'no progress output' },
  bitrate: { type: 'number', describe: 'MP3 bitrate in kbps, constant (default 64)' },
  loudness: { type: 'number', describe: 'integrated loudness target, LUFS (default -16)' },
  'true-peak': { type: 'number', describe: 'true-peak ceiling, dBTP (default -1)' },
  cache: { type: 'string', coerce: pathOrOff, describe: 'cache folder (default: $XDG_CACHE_HOME/briefing or ~/.cache/briefing); --no-cache synthesizes everything and keeps nothing' },
  jobs: { alias: 'j', type: 'number', describe: 'requests in flight at once (default: one per core for embedded engines, 4 for cloud engines)' },
  retries: { type: 'number', describe: 'retries of retryable engine errors (default: 3)' },
  description: { type: 'string', describe: 'episode description: ID3 comment, feed item and show page (default: the standfirst or the story titles)' },
  cover: { type: 'string', coerce: pathOrOff, describe: 'cover image (PNG or JPEG) for the ID3 tag, the feed and the show page (default: the config\'s, else templates/cover.png); --no-cover for none' },
  music: { type: 'boolean', describe: 'mix the bundled intro, outro and a ducked music bed (stereo, 128 kbps); --no-music for none (default off)' },
  'intro-music': { type: 'string', describe: 'intro music file (turns music on)' },
  'outro-music': { type: 'string', describe: 'outro music file (turns music on)' },
  'music-bed': { type: 'string', describe: 'music bed looped under the speech (turns music on)' },
  'bed-level': { type: 'number', describe: 'level of the bed under speech, dB relative to the speech (default -22)' },
  'dry-run': { type: 'boolean', default: false, describe: 'synthesize nothing: print the requests by story, billed characters, estimated length and cost (no credentials needed)' },
  sort: { choices: ['given', 'newest'], describe: 'story order: as given (feeds: their own order), or newest first (default given)' },
  'max-stories': { type: 'number', describe: 'at most this many stories; the rest wait for the next briefing (default 12)' },
  'max-headlines': { type: 'number', describe: 'headlines read in the intro; the others are counted, "and 7 more" (default 5)' },
  since: { type: 'string', describe: 'leave out stories published before this date (YYYY-MM-DD or ISO 8601)' },
  'include-seen': { type: 'boolean', default: false, describe: 'include feed stories already briefed in an earlier episode' },
  timeout: { type: 'number', describe: 'seconds to wait for a URL or feed (default 15)' },
  feed: { type: 'boolean', default: true, describe: 'add the episode to <output>/feed.xml and the show page (--no-feed: the episode folder only)' },
  keep: { type: 'number', describe: 'episodes kept in the feed and on the show page (default: the config\'s, else all)' },
  'base-url': { type: 'string', describe: 'public address of the output folder, for the feed (default from the config, else http://127.0.0.1:8000)' },
} as const satisfies Record<string, Options>;

/** The parsed {@link BUILD_FLAGS}. */
export type BuildFlags = InferredOptionTypes<typeof BUILD_FLAGS>;

function parseDate(value: string, flag: string): Date {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new BriefingError('USAGE', `${flag} ${value}: expected a date such as 2026-11-28`);
  return date;
}

/** Which stories, in what order: the same for a dry run as for the build it estimates. */
export function selectionFromFlags(flags: BuildFlags): Pick<BuildOptions, 'sort' | 'maxStories' | 'maxHeadlines' | 'since' | 'timeoutMs'> {
  return {
    ...(flags.sort ? { sort: flags.sort } : {}),
    ...(flags['max-stories'] !== undefined ? { maxStories: flags['max-stories'] } : {}),
    ...(flags['max-headlines'] !== undefined ? { maxHeadlines: flags['max-headlines'] } : {}),
    ...(flags.since ? { since: parseDate(flags.since, '--since') } : {}),
    ...(flags.timeout !== undefined ? { timeoutMs: Math.round(flags.timeout * 1000) } : {}),
  };
}

/**
 * Music from the flags: the bundled set with --music, files of the user's
 * own, or none with --no-music; nothing when no music flag was given.
 */
export async function musicFromFlags(flags: BuildFlags): Promise<Pick<BuildOptions, 'music'>> {
  if (flags.music === false) return { music: false };
  const own = {
    ...(flags['intro-music'] ? { intro: resolve(flags['intro-music']) } : {}),
    ...(flags['outro-music'] ? { outro: resolve(flags['outro-music']) } : {}),
    ...(flags['music-bed'] ? { bed: resolve(flags['music-bed']) } : {}),
  };
  if (!flags.music && Object.keys(own).length === 0) return {};
  const base = Object.keys(own).length > 0 ? own : (await import('../../assemble/music-settings.js')).defaultMusic();
  return { music: { ...base, ...(flags['bed-level'] !== undefined ? { bedLevelDb: flags['bed-level'] } : {}) } };
}

/** How the audio is made and where the pieces are cached: only the settings the flags give. */
export function audioFromFlags(flags: BuildFlags): Pick<BuildOptions, 'bitrateKbps' | 'loudnessLufs' | 'truePeakDbtp' | 'cache' | 'description' | 'jobs' | 'retries'> {
  return {
    ...(flags.bitrate !== undefined ? { bitrateKbps: flags.bitrate } : {}),
    ...(flags.loudness !== undefined ? { loudnessLufs: flags.loudness } : {}),
    ...(flags['true-peak'] !== undefined ? { truePeakDbtp: flags['true-peak'] } : {}),
    // `--cache DIR`, or `--no-cache`; an empty value leaves the default.
    ...(flags.cache === false ? { cache: false } : flags.cache ? { cache: flags.cache } : {}),
    ...(flags.description ? { description: flags.description } : {}),
    ...(flags.jobs !== undefined ? { jobs: flags.jobs } : {}),
    ...(flags.retries !== undefined ? { retries: flags.retries } : {}),
  };
}
