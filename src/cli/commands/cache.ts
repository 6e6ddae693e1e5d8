import { resolve } from 'node:path';
import type { CacheContents } from '../../cache/cache-folder.js';
import { defineCommand } from '../command-context.js';

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function summary(contents: CacheContents): string {
  return `${plural(contents.pieces, 'piece')}, ${plural(contents.episodes, 'episode')}, ${(contents.bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * `briefing cache info|clear`: what the cache holds, or removes everything
 * the cache wrote there and nothing else. A folder that is not a cache is a
 * `NOT_A_CACHE` error.
 */
export const cacheCommand = defineCommand({
  command: 'cache <action>',
  describe: 'show or clear the synthesis cache',
  builder: (argv) =>
    argv
      .positional('action', { choices: ['info', 'clear'] as const, demandOption: true, describe: 'info: where it is and what it holds; clear: remove every piece and finished episode it wrote (nothing else)' })
      .option('cache', { type: 'string', describe: 'cache folder (default: $XDG_CACHE_HOME/briefing or ~/.cache/briefing)' }),
  run: async (flags, { stdout }) => {
    const [{ cacheContents, clearCache }, { defaultCacheDirectory }] = await Promise.all([
      import('../../cache/cache-folder.js'),
      import('../../synthesize/audio-cache.js'),
    ]);
    const folder = resolve(flags.cache ?? defaultCacheDirectory());
    if (flags.action === 'info') {
      const contents = await cacheContents(folder);
      stdout.write(`${folder}\n${summary(contents)}${contents.exists ? '' : ' (no cache here yet)'}\n`);
      return;
    }
    const removed = await clearCache(folder);
    stdout.write(removed.exists ? `cleared ${folder}: removed ${summary(removed)}\n` : `nothing to clear: no cache at ${folder}\n`);
  },
});
