import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, stat, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EpisodeAudioCache, type CachedEpisodeAudio } from '../../src/assemble/episode-audio-cache.js';
import { decodedDurationMs, encodeMp3, resolveFfmpegPath } from '../../src/platform/ffmpeg.js';
import { sinePcm16, wavFile } from '../helpers/test-audio.js';

const ffmpegPath = resolveFfmpegPath();
let folder: string;
let mp3: string;
const facts: CachedEpisodeAudio = {
  blocks: [{ blockId: 's0-b0', startMs: 0, endMs: 4000, speechEndMs: 3700, sentences: [{ index: 0, startMs: 0, endMs: 3700 }] }],
  durationMs: 4000,
  sampleRate: 16000,
  loudness: { integratedLufs: -16.1, truePeakDbtp: -1.4, loudnessRangeLu: 2 },
  gainDb: 3.5,
  narrationOffsetMs: 0,
};

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'briefing-episode-cache-'));
  const wav = join(folder, 'tone.wav');
  await writeFile(wav, wavFile(sinePcm16(4000, 16000), 16000));
  mp3 = join(folder, 'tone.mp3');
  await encodeMp3(wav, mp3, { gainDb: 0, limiterCeilingDb: -2, bitrateKbps: 64, channels: 1 }, ffmpegPath);
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

async function storedEntry(name: string): Promise<{ cache: EpisodeAudioCache; key: string; entry: string }> {
  const directory = join(folder, name);
  const cache = new EpisodeAudioCache(directory);
  const key = EpisodeAudioCache.key([['s0-b0', ['a'.repeat(64)]]], { bitrateKbps: 64, name });
  await cache.store(key, mp3, facts);
  const entries = await readdir(join(directory, 'episodes'));
  expect(entries).toEqual([`${key}.episode`]);
  return { cache, key, entry: join(directory, 'episodes', entries[0]!) };
}

describe('EpisodeAudioCache', () => {
  it('restores the very MP3 and facts it stored, in a folder marked as a cache', async () => {
    const { cache, key } = await storedEntry('whole');
    const target = join(folder, 'restored.mp3');
    expect(await cache.restore(key, target)).toEqual({ status: 'hit', audio: facts });
    expect(Buffer.compare(await readFile(target), await readFile(mp3))).toBe(0);
    expect(await decodedDurationMs(target, ffmpegPath)).toBeCloseTo(4000, -2);
    expect(await cache.restore('f'.repeat(64), join(folder, 'absent.mp3'))).toEqual({ status: 'miss' });
    expect(existsSync(join(folder, 'absent.mp3'))).toBe(false);
    expect(existsSync(join(folder, 'whole', 'CACHEDIR.TAG'))).toBe(true);
  });

  it.each([
    ['cut to half its length', async (path: string) => truncate(path, Math.floor((await stat(path)).size / 2))],
    ['random bytes of the same size', async (path: string) => writeFile(path, randomBytes((await stat(path)).size))],
    ['zeros of the same size', async (path: string) => writeFile(path, Buffer.alloc((await stat(path)).size))],
    ['random bytes inside the MP3', async (path: string) => {
      const content = await readFile(path);
      randomBytes(4000).copy(content, content.byteLength - 6000);
      await writeFile(path, content);
    }],
    ['its duration changed in the facts', async (path: string) => {
      const content = await readFile(path);
      const at = content.indexOf('"durationMs":4000');
      content.write('"durationMs":8000', at, 'latin1');
      await writeFile(path, content);
    }],
  ])('reports an entry %s as damaged, removes it and leaves no MP3 at the target', async (name, damage) => {
    const { cache, key, entry } = await storedEntry(name.replace(/\W+/g, '-'));
    await damage(entry);
    const target = join(folder, `${name.replace(/\W+/g, '-')}.mp3`);
    const found = await cache.restore(key, target);
    expect(found.status).toBe('damaged');
    expect(existsSync(target)).toBe(false);
    expect(existsSync(entry)).toBe(false);
    expect(await cache.restore(key, target)).toEqual({ status: 'miss' });
  });
});
