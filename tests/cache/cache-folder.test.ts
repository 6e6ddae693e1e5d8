import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cacheContents, clearCache, markCacheFolder } from '../../src/cache/cache-folder.js';
import { AudioCache, cacheKey } from '../../src/synthesize/audio-cache.js';
import { rejection } from '../helpers/expect-error.js';
import { sinePcm16 } from '../helpers/test-audio.js';

const folders: string[] = [];
afterEach(async () => {
  for (const folder of folders.splice(0)) await rm(folder, { recursive: true, force: true });
});

async function tempFolder(): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'briefing-cache-folder-'));
  folders.push(folder);
  return folder;
}

const keyOf = (input: string) => cacheKey({ engine: 'tone', engineVersion: '1', voice: 'a4', settings: {}, inputType: 'text', input });

describe('a cache folder', () => {
  it('is tagged by the Cache Directory Tagging Specification, so backup tools skip it', async () => {
    const directory = join(await tempFolder(), 'cache');
    await markCacheFolder(directory);
    expect(await readFile(join(directory, 'CACHEDIR.TAG'), 'utf8')).toMatch(/^Signature: 8a477f597d28d172789f06886806bc55\n# This file is a cache directory tag created by briefing\./);
  });

  it('counts pieces and episodes, and clear removes only what the cache wrote', async () => {
    const directory = join(await tempFolder(), 'cache');
    const cache = new AudioCache(directory);
    const pieces = [keyOf('one'), keyOf('two'), keyOf('three')];
    for (const key of pieces) await cache.put(key, 16000, sinePcm16(100, 16000));
    const episode = join(directory, 'episodes', `${'e'.repeat(64)}.episode`);
    await mkdir(join(directory, 'episodes'), { recursive: true });
    await writeFile(episode, 'briefing-episode-audio 1 ...');
    // A user's own files, among the shards and beside them, named almost as the cache names its own.
    const shard = pieces[0]!.slice(0, 2);
    const foreign = [join(directory, shard, 'notes.txt'), join(directory, shard, `${'0'.repeat(64)}.wav`), join(directory, 'ab', 'notes.txt'), join(directory, 'readme.md')];
    await mkdir(join(directory, 'ab'), { recursive: true });
    for (const path of foreign) await writeFile(path, 'mine');

    const contents = await cacheContents(directory);
    expect(contents).toMatchObject({ exists: true, pieces: 3, episodes: 1 });
    expect(contents.bytes).toBeGreaterThan(3 * 3200);

    const removed = await clearCache(directory);
    expect(removed).toMatchObject({ pieces: 3, episodes: 1 });
    for (const path of foreign) expect(await readFile(path, 'utf8')).toBe('mine');
    expect(existsSync(episode)).toBe(false);
    expect(await cacheContents(directory)).toMatchObject({ pieces: 0, episodes: 0, bytes: 0 });
  });

  it('is gone after clear when it held nothing else', async () => {
    const directory = join(await tempFolder(), 'cache');
    await new AudioCache(directory).put(keyOf('one'), 16000, sinePcm16(100, 16000));
    await clearCache(directory);
    expect(existsSync(directory)).toBe(false);
    expect(await cacheContents(directory)).toMatchObject({ exists: false, pieces: 0, episodes: 0, bytes: 0 });
  });

  it('refuses a folder that is not a cache, touching nothing', async () => {
    const directory = await tempFolder();
    await mkdir(join(directory, 'ab'));
    await writeFile(join(directory, 'ab', 'notes.txt'), 'mine');
    const error = await rejection(clearCache(directory));
    expect(error.code).toBe('NOT_A_CACHE');
    expect(error.message).toBe(`${directory}: not a briefing cache (no CACHEDIR.TAG written by briefing); nothing was changed`);
    expect((await rejection(cacheContents(directory))).code).toBe('NOT_A_CACHE');
    expect(await readFile(join(directory, 'ab', 'notes.txt'), 'utf8')).toBe('mine');
    await writeFile(join(directory, 'CACHEDIR.TAG'), 'Signature: 8a477f597d28d172789f06886806bc55\n# created by another program\n');
    expect((await rejection(clearCache(directory))).code).toBe('NOT_A_CACHE');
  });

  it('recognises a cache written before the marker existed by its entries alone', async () => {
    const directory = await tempFolder();
    const key = keyOf('one');
    await mkdir(join(directory, key.slice(0, 2)));
    await writeFile(join(directory, key.slice(0, 2), `${key}.wav`), 'old entry');
    await writeFile(join(directory, key.slice(0, 2), `${key}.wav.words.json`), '[]');
    await mkdir(join(directory, 'episodes'));
    await writeFile(join(directory, 'episodes', `${'e'.repeat(64)}.mp3`), 'old episode');
    await writeFile(join(directory, 'episodes', `${'e'.repeat(64)}.json`), '{}');
    expect(await cacheContents(directory)).toMatchObject({ pieces: 1 });
    await clearCache(directory);
    expect(existsSync(directory) ? await readdir(directory) : []).toEqual([]);
  });
});
