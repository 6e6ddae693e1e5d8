import { randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, rmdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { asDiskFull } from '../disk-full.js';
import { writeFileAtomic } from '../platform/atomic-file.js';
import { BriefingError } from '../errors.js';
import {
  CACHE_TAG_FILE,
  EPISODES_FOLDER,
  episodeFileKind,
  isShardName,
  isTagTemporary,
  shardFileKind,
  temporaryPath,
  type CacheFileKind,
} from './cache-layout.js';

/** The Cache Directory Tagging Specification's signature: backup tools skip a folder whose tag starts with it. */
const TAG_SIGNATURE = 'Signature: 8a477f597d28d172789f06886806bc55';
const TAG_OWNER = '# This file is a cache directory tag created by briefing.';
const TAG_CONTENT = `${TAG_SIGNATURE}\n${TAG_OWNER}\n# Its entries can be made again: \`briefing cache clear\` removes them.\n`;

/**
 * Makes `directory` a cache folder (creating it and its marker file when
 * missing) so later commands recognise it. A full disk is a `DISK_FULL`
 * error naming the cache folder.
 */
export async function markCacheFolder(directory: string): Promise<void> {
  try {
    if (await hasOwnTag(directory)) return;
    await mkdir(directory, { recursive: true });
    const tag = join(directory, CACHE_TAG_FILE);
    await writeFileAtomic(tag, TAG_CONTENT, { temporaryPath: temporaryPath(tag, randomUUID()), sync: false });
  } catch (error) {
    throw asDiskFull(error, directory, 'cache folder');
  }
}

async function hasOwnTag(directory: string): Promise<boolean> {
  const text = await readFile(join(directory, CACHE_TAG_FILE), 'utf8').catch(() => '');
  return text.startsWith(TAG_SIGNATURE) && text.includes(TAG_OWNER);
}

/** A file the cache wrote. */
interface OwnFile {
  path: string;
  kind: CacheFileKind;
  bytes: number;
}

/** What a cache folder holds. */
export interface CacheContents {
  directory: string;
  /** False when the folder does not exist yet. */
  exists: boolean;
  /** Synthesized pieces. */
  pieces: number;
  /** Finished episode audio. */
  episodes: number;
  /** Bytes of every file the cache wrote (entries, leftovers of interrupted writes, files of earlier versions). */
  bytes: number;
}

function summarize(directory: string, exists: boolean, files: readonly OwnFile[]): CacheContents {
  return {
    directory,
    exists,
    pieces: files.filter((file) => file.kind === 'piece').length,
    episodes: files.filter((file) => file.kind === 'episode').length,
    bytes: files.reduce((sum, file) => sum + file.bytes, 0),
  };
}

/**
 * Lists the files of the cache in `directory`. A folder that exists but is
 * not a cache (no marker of ours, and not only files named as ours) is a
 * `NOT_A_CACHE` error: nothing in it is counted or touched.
 */
async function ownFiles(directory: string): Promise<{ exists: boolean; files: OwnFile[]; folders: string[] }> {
  const top = await readdir(directory, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    if (error.code === 'ENOTDIR') throw new BriefingError('NOT_A_CACHE', `${directory}: not a folder, so not a briefing cache`, { path: directory });
    throw new BriefingError('OUTPUT_FAILED', `${directory}: ${error.message}`, { cause: error, path: directory });
  });
  if (!top) return { exists: false, files: [], folders: [] };
  const tagged = await hasOwnTag(directory);
  const files: OwnFile[] = [];
  const folders: string[] = [];
  let foreign = 0;
  const add = async (path: string, kind: CacheFileKind | undefined) => {
    if (!kind) {
      foreign += 1;
      return;
    }
    // A build running beside may rename or remove a file between the listing and here.
    const found = await stat(path).catch(() => undefined);
    if (found) files.push({ path, kind, bytes: found.size });
  };
  for (const entry of top) {
    const path = join(directory, entry.name);
    if (entry.isDirectory() && (isShardName(entry.name) || entry.name === EPISODES_FOLDER)) {
      folders.push(path);
      for (const inner of await readdir(path, { withFileTypes: true })) {
        const kind = inner.isFile() ? (entry.name === EPISODES_FOLDER ? episodeFileKind(inner.name) : shardFileKind(entry.name, inner.name)) : undefined;
        await add(join(path, inner.name), kind);
      }
    } else if (entry.isFile() && isTagTemporary(entry.name)) {
      await add(path, 'temporary');
    } else if (!(entry.isFile() && entry.name === CACHE_TAG_FILE && tagged)) {
      foreign += 1;
    }
  }
  // Earlier versions wrote no marker: a folder of nothing but entries named as ours is still a cache.
  if (!tagged && (foreign > 0 || files.length === 0) && top.length > 0) {
    throw new BriefingError('NOT_A_CACHE', `${directory}: not a briefing cache (no ${CACHE_TAG_FILE} written by briefing); nothing was changed`, { path: directory });
  }
  return { exists: true, files, folders };
}

/** Counts what the cache in `directory` holds: pieces, finished episodes and their size. */
export async function cacheContents(directory: string): Promise<CacheContents> {
  const { exists, files } = await ownFiles(directory);
  return summarize(directory, exists, files);
}

/**
 * Removes everything the cache in `directory` wrote: pieces, finished
 * episodes, leftovers of interrupted writes, files of earlier versions and,
 * when nothing else is left, the marker and the folder itself. Files it did
 * not write are kept, and so are the folders that hold them. Returns what
 * was removed.
 */
export async function clearCache(directory: string): Promise<CacheContents> {
  const { exists, files, folders } = await ownFiles(directory);
  for (const file of files) await rm(file.path, { force: true });
  for (const folder of folders) await rmdir(folder).catch(() => undefined);
  if (exists) {
    const left = await readdir(directory).catch(() => [] as string[]);
    if (left.length === 1 && left[0] === CACHE_TAG_FILE) {
      await rm(join(directory, CACHE_TAG_FILE), { force: true });
      await rmdir(directory).catch(() => undefined);
    }
  }
  return summarize(directory, exists, files);
}
