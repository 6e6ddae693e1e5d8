import { join } from 'node:path';

/**
 * Where everything lives in a cache folder, and how the cache recognises
 * what it wrote. Nothing outside these names is ever read, counted or
 * removed as part of the cache.
 *
 * ```
 * CACHEDIR.TAG            marker: this folder is a cache briefing made
 * 4b/4b…(64 hex).wav      a synthesized piece (WAV with a checksum chunk)
 * episodes/…(64 hex).episode   finished episode audio with its facts and checksum
 * ```
 */

/** The marker file at the root of every cache (the Cache Directory Tagging Specification's name). */
export const CACHE_TAG_FILE = 'CACHEDIR.TAG';

/** The folder of finished episode audio. */
export const EPISODES_FOLDER = 'episodes';

const KEY = '[0-9a-f]{64}';
/** Temporary names: `<final name>.<uuid>.tmp`, as written before the rename. */
const TEMPORARY = '\\.[0-9a-f-]{36}\\.tmp';

/** What a file in a cache folder is to the cache. */
export type CacheFileKind = 'piece' | 'episode' | 'temporary' | 'former';

const SHARD_FILES: [RegExp, CacheFileKind][] = [
  [new RegExp(`^${KEY}\\.wav$`), 'piece'],
  [new RegExp(`^${KEY}\\.wav${TEMPORARY}$`), 'temporary'],
  // Written by earlier versions: word timings beside the piece, and their temporary names.
  [new RegExp(`^${KEY}\\.wav\\.words\\.json$`), 'former'],
  [new RegExp(`^${KEY}\\.wav${TEMPORARY}\\.words$`), 'temporary'],
];

const EPISODE_FILES: [RegExp, CacheFileKind][] = [
  [new RegExp(`^${KEY}\\.episode$`), 'episode'],
  [new RegExp(`^${KEY}\\.(?:episode|mp3|json)${TEMPORARY}$`), 'temporary'],
  // Written by earlier versions: the MP3 and its facts as two files.
  [new RegExp(`^${KEY}\\.(?:mp3|json)$`), 'former'],
];

/** True for the name of a shard folder: two lowercase hex digits. */
export function isShardName(name: string): boolean {
  return /^[0-9a-f]{2}$/.test(name);
}

/** What `name` inside shard `shard` is, or undefined when the cache did not write it. */
export function shardFileKind(shard: string, name: string): CacheFileKind | undefined {
  if (!name.startsWith(shard)) return undefined;
  return SHARD_FILES.find(([pattern]) => pattern.test(name))?.[1];
}

/** What `name` inside the episodes folder is, or undefined when the cache did not write it. */
export function episodeFileKind(name: string): CacheFileKind | undefined {
  return EPISODE_FILES.find(([pattern]) => pattern.test(name))?.[1];
}

/** True for a temporary name of the marker file. */
export function isTagTemporary(name: string): boolean {
  return new RegExp(`^${CACHE_TAG_FILE.replace('.', '\\.')}${TEMPORARY}$`).test(name);
}

/** The path of the piece stored under `key` (a 64-digit hex content address). */
export function piecePath(directory: string, key: string): string {
  return join(directory, key.slice(0, 2), `${key}.wav`);
}

/** The path of the episode audio stored under `key`. */
export function episodePath(directory: string, key: string): string {
  return join(directory, EPISODES_FOLDER, `${key}.episode`);
}

/** A temporary name beside `path`, recognised by the cache as its own. */
export function temporaryPath(path: string, uuid: string): string {
  return `${path}.${uuid}.tmp`;
}
