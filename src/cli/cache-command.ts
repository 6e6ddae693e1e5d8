import { resolve } from 'node:path';
import { cacheContents, clearCache, type CacheContents } from '../cache/cache-folder.js';

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function summary(contents: CacheContents): string {
  return `${plural(contents.pieces, 'piece')}, ${plural(contents.episodes, 'episode')}, ${(contents.bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * `briefing cache info|clear`: what the cache in `directory` holds, or
 * removes everything the cache wrote there and nothing else. A folder that is
 * not a cache is a `NOT_A_CACHE` error. Returns the lines to print.
 */
export async function runCacheCommand(action: 'info' | 'clear', directory: string): Promise<string> {
  const folder = resolve(directory);
  if (action === 'info') {
    const contents = await cacheContents(folder);
    return `${folder}\n${summary(contents)}${contents.exists ? '' : ' (no cache here yet)'}\n`;
  }
  const removed = await clearCache(folder);
  return removed.exists ? `cleared ${folder}: removed ${summary(removed)}\n` : `nothing to clear: no cache at ${folder}\n`;
}
