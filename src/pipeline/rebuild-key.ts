import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { embeddedEngineVersions } from '../engines/embedded-engine-packages.js';
import { installedBriefing } from '../platform/installed-briefing.js';
import { bytesLookLikeFeed, hasFeedExtension } from '../sources/feed-file.js';
import type { BuildOptions } from './build-options.js';
import { SECRET_OPTION } from './episode-identity.js';
import { stableJson } from './stable-json.js';

/** Options that do not change what a build makes: how it runs, reports and caches. */
const RUN_ONLY = new Set<string>(['signal', 'onProgress', 'context', 'env', 'fetch', 'now', 'cache', 'jobs', 'retries']);

/** Skips that leave out only feed stories (their `guid` set), registered by who made them. */
const feedStorySkips = new WeakSet<(...args: never[]) => unknown>();

/** Marks `skip` as one that only ever leaves out feed stories, so that a build of plain files can be recognised before they are read. */
export function markFeedStorySkip<T extends (...args: never[]) => unknown>(skip: T): T {
  feedStorySkips.add(skip);
  return skip;
}

/**
 * What identifies a build before any article is read: the installed
 * briefing and its embedded engines, the date, every input file's path and
 * bytes, the lexicon's bytes and every option that changes the episode. Two
 * builds with the same key make the same episode, so a rebuild whose key a
 * finished episode recorded can reuse it without reading, segmenting or
 * rendering anything.
 *
 * Undefined when the inputs cannot be known without reading them as a build
 * would: standard input, web addresses, folders, feeds (their stories depend
 * on what was briefed before), stories handed over already read, an engine
 * object, a `skip` of the caller's own or an option that is a function. Those
 * builds read their articles and are recognised by their content hash.
 */
export async function rebuildKey(options: BuildOptions, date: string): Promise<string | undefined> {
  if (options.read || typeof options.engine === 'object') return undefined;
  if (options.skip && !feedStorySkips.has(options.skip)) return undefined;
  const inputs: [string, string][] = [];
  for (const input of options.inputs) {
    const digest = await articleFileDigest(input);
    if (digest === undefined) return undefined;
    inputs.push([resolve(input), digest]);
  }
  const settings: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(options)) {
    if (RUN_ONLY.has(name) || name === 'inputs' || name === 'skip' || name === 'read' || value === undefined) continue;
    if (containsFunction(value)) return undefined;
    settings[name] = name === 'engineOptions' ? withoutSecrets(value as Record<string, unknown>) : value instanceof Date ? value.toISOString() : value;
  }
  let lexicon: string | null = null;
  if (options.lexicon !== undefined) {
    try {
      lexicon = sha256(await readFile(options.lexicon));
    } catch {
      // The build reports a missing lexicon in its own words.
      return undefined;
    }
  }
  const engines = embeddedEngineVersions();
  return sha256(stableJson({ briefing: await installedBriefing(), engines, date, inputs, lexicon, settings })).slice(0, 32);
}

/** The SHA-256 of an article file's bytes; undefined for what is not a plain article file. */
async function articleFileDigest(input: string): Promise<string | undefined> {
  // Feeds are told from articles as the sources tell them: by extension, else by how the file starts.
  if (input === '-' || /^[a-z][a-z0-9+.-]*:/i.test(input) || hasFeedExtension(input)) return undefined;
  try {
    if (!(await stat(input)).isFile()) return undefined;
    const bytes = await readFile(input);
    if (bytesLookLikeFeed(bytes)) return undefined;
    return sha256(bytes);
  } catch {
    // Missing or unreadable: the build reports it in its own words.
    return undefined;
  }
}

/** Credentials change nothing in the episode, and the key is written to its manifest. */
function withoutSecrets(options: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(options).filter(([key]) => !SECRET_OPTION.test(key)));
}

function containsFunction(value: unknown): boolean {
  if (typeof value === 'function') return true;
  if (value === null || typeof value !== 'object') return false;
  return Object.values(value as Record<string, unknown>).some(containsFunction);
}

function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}
