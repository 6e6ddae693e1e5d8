import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodedDurationMs, resolveFfmpegPath } from '../../src/platform/ffmpeg.js';
import type { Manifest } from '../../src/publish/manifest.js';
import { runBriefing } from '../helpers/run-cli.js';
import { SHORT_STORY } from '../helpers/test-articles.js';

const ffmpegPath = resolveFfmpegPath();
let folder: string;
let story: string;
let cache: string;
let first: Manifest;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'briefing-cache-integrity-'));
  story = join(folder, 'lifeboat.txt');
  cache = join(folder, 'cache');
  await writeFile(story, SHORT_STORY);
  first = await build('first');
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

async function build(name: string, ...extra: string[]): Promise<Manifest> {
  const run = await runBriefing(['build', story, '-o', join(folder, name), '--cache', cache, '--no-feed', '--json', ...extra]);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as Manifest;
}

/** The published MP3 of a build, decoded: how long a listener hears it. */
async function heardMs(name: string): Promise<number> {
  const output = join(folder, name);
  const episode = (await readdir(output)).find((entry) => /^\d{4}-\d{2}-\d{2}-/.test(entry))!;
  return decodedDurationMs(join(output, episode, 'episode.mp3'), ffmpegPath);
}

async function cacheFiles(under: string, suffix: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(join(cache, under), { recursive: true })) {
    if (entry.endsWith(suffix)) found.push(join(cache, under, entry));
  }
  return found.sort();
}

const damaged = (manifest: Manifest) => manifest.warnings.filter((warning) => warning.code === 'CACHE_ENTRY_DAMAGED');

describe('briefing build over a damaged cache', () => {
  it('makes damaged pieces again, warns in the manifest, and publishes audio as long as the manifest says', async () => {
    const pieces = await cacheFiles('', '.wav');
    expect(pieces.length).toBeGreaterThanOrEqual(3);
    const originals = await Promise.all(pieces.map((path) => readFile(path)));
    // The three kinds of damage of the fault trial; the header is kept where a reader of the header alone would be fooled.
    await truncate(pieces[0]!, Math.floor(originals[0]!.byteLength / 2));
    const noisy = Buffer.from(originals[1]!);
    randomBytes(noisy.byteLength - 44 - 400).copy(noisy, 44);
    await writeFile(pieces[1]!, noisy);
    const zeroed = Buffer.from(originals[2]!);
    zeroed.fill(0, 44, zeroed.byteLength - 400);
    await writeFile(pieces[2]!, zeroed);

    // Another bitrate, so the finished episode is not reused and every piece is read.
    const rebuilt = await build('pieces', '--bitrate', '96');
    expect(damaged(rebuilt)).toHaveLength(3);
    expect(damaged(rebuilt).every((warning) => warning.blockId !== undefined && /damaged/.test(warning.message))).toBe(true);
    expect(rebuilt.synthesis).toMatchObject({ cacheMisses: 3 });
    expect(rebuilt.durationMs).toBe(first.durationMs);
    expect(Math.abs((await heardMs('pieces')) - rebuilt.durationMs) / rebuilt.durationMs).toBeLessThan(0.01);
    const now = await Promise.all(pieces.map((path) => readFile(path)));
    now.forEach((bytes, index) => expect(Buffer.compare(bytes, originals[index]!), pieces[index]).toBe(0));
  });

  it('assembles a damaged finished episode again instead of publishing it', async () => {
    const episodes = await cacheFiles('episodes', '.episode');
    expect(episodes).toHaveLength(2);
    for (const entry of episodes) await truncate(entry, Math.floor((await stat(entry)).size / 2));
    const rebuilt = await build('episode');
    expect(damaged(rebuilt)).toHaveLength(1);
    expect(damaged(rebuilt)[0]!.message).toMatch(/cached episode audio was damaged/);
    expect(rebuilt.synthesis).toMatchObject({ cacheMisses: 0 });
    expect(rebuilt.durationMs).toBe(first.durationMs);
    expect(Math.abs((await heardMs('episode')) - rebuilt.durationMs) / rebuilt.durationMs).toBeLessThan(0.01);
    expect((await build('episode-again')).warnings.filter((warning) => warning.code === 'CACHE_ENTRY_DAMAGED')).toEqual([]);
  });
});

describe('briefing cache info and clear', () => {
  it('count finished episodes as well as pieces, and clear keeps files the cache did not write', async () => {
    const info = await runBriefing(['cache', 'info', '--cache', cache]);
    expect(info.code).toBe(0);
    expect(info.stdout).toMatch(/\b[1-9]\d* pieces, 2 episodes, \d+\.\d MB/);
    const shard = (await readdir(cache)).find((name) => /^[0-9a-f]{2}$/.test(name))!;
    const mine = [join(cache, shard, 'notes.txt'), join(cache, 'notes.txt')];
    for (const path of mine) await writeFile(path, 'keep me');

    const cleared = await runBriefing(['cache', 'clear', '--cache', cache]);
    expect(cleared.code).toBe(0);
    expect(cleared.stdout).toMatch(/removed [1-9]\d* pieces, 2 episodes/);
    for (const path of mine) expect(await readFile(path, 'utf8')).toBe('keep me');
    expect((await runBriefing(['cache', 'info', '--cache', cache])).stdout).toMatch(/\b0 pieces, 0 episodes/);
  });

  it('clear on a folder that is not a cache is a one-line error and removes nothing', async () => {
    const notCache = join(folder, 'notcache');
    await mkdir(join(notCache, 'ab'), { recursive: true });
    await writeFile(join(notCache, 'ab', 'notes.txt'), 'my notes');
    const run = await runBriefing(['cache', 'clear', '--cache', notCache]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`briefing: ${notCache}: not a briefing cache (no CACHEDIR.TAG written by briefing); nothing was changed\n`);
    expect(await readFile(join(notCache, 'ab', 'notes.txt'), 'utf8')).toBe('my notes');
  });
});
