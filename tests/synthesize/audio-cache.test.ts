import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { decodedDurationMs, resolveFfmpegPath } from '../../src/platform/ffmpeg.js';
import { cacheKey, AudioCache } from '../../src/synthesize/audio-cache.js';
import { sinePcm16, wavFile } from '../helpers/test-audio.js';

const ffmpegPath = resolveFfmpegPath();
const folders: string[] = [];
afterEach(async () => {
  for (const folder of folders.splice(0)) await rm(folder, { recursive: true, force: true });
});

async function tempCache(): Promise<AudioCache> {
  const folder = await mkdtemp(join(tmpdir(), 'briefing-audio-cache-'));
  folders.push(folder);
  return new AudioCache(join(folder, 'cache'));
}

const key = cacheKey({ engine: 'tone', engineVersion: '1', voice: 'a4', settings: {}, inputType: 'text', input: 'The vote passed.' });
const words = [
  { word: 'The', startMs: 0, endMs: 100 },
  { word: 'vote', startMs: 120, endMs: 300 },
];

/** Overwrites `length` bytes of `path` from `offset` with `bytes`. */
async function overwrite(path: string, offset: number, bytes: Buffer): Promise<void> {
  const content = await readFile(path);
  bytes.copy(content, offset);
  await writeFile(path, content);
}

describe('AudioCache entries', () => {
  it('give back the same audio and word timings, as a WAV ffmpeg reads, with the PCM at byte 44', async () => {
    const cache = await tempCache();
    const pcm = sinePcm16(1500, 16000);
    const stored = await cache.put(key, 16000, pcm, words);
    const found = await cache.read(key);
    expect(found).toEqual({ status: 'hit', piece: stored });
    expect(stored).toMatchObject({ sampleRate: 16000, dataBytes: pcm.byteLength, words });
    const bytes = await readFile(stored.path);
    expect(Buffer.compare(bytes.subarray(44, 44 + pcm.byteLength), Buffer.from(pcm))).toBe(0);
    expect(await decodedDurationMs(stored.path, ffmpegPath)).toBeCloseTo(1500, -1);
    expect(existsSync(join(cache.directory, 'CACHEDIR.TAG'))).toBe(true);
  });

  it.each([
    ['cut to half its length', async (path: string) => truncate(path, Math.floor((await stat(path)).size / 2))],
    ['cut just before its checksum', async (path: string) => truncate(path, 44 + 3000 * 2)],
    ['random bytes of the same size', async (path: string) => writeFile(path, randomBytes((await stat(path)).size))],
    ['zeros of the same size', async (path: string) => writeFile(path, Buffer.alloc((await stat(path)).size))],
    ['random bytes over the audio, header kept', async (path: string) => overwrite(path, 44, randomBytes(2000))],
    ['zeros over the audio, header kept', async (path: string) => overwrite(path, 44, Buffer.alloc(2000))],
    ['one word timing changed', async (path: string) => {
      const content = await readFile(path);
      const at = content.lastIndexOf('"vote"');
      content.write('"note"', at, 'latin1');
      await writeFile(path, content);
    }],
  ])('are reported damaged and removed when %s', async (_damage, damage) => {
    const cache = await tempCache();
    const stored = await cache.put(key, 16000, sinePcm16(3000 / 16, 16000, 440, 0.3), words);
    await damage(stored.path);
    const found = await cache.read(key);
    expect(found.status).toBe('damaged');
    if (found.status === 'damaged') expect(found.problem).toMatch(/\S/);
    expect(existsSync(stored.path)).toBe(false);
    expect(await cache.read(key)).toEqual({ status: 'miss' });
    const again = await cache.put(key, 16000, sinePcm16(3000 / 16, 16000, 440, 0.3), words);
    expect((await cache.read(key)).status).toBe('hit');
    expect(again.path).toBe(stored.path);
  });

  it('treat an entry of the format before checksums as missing, not damaged', async () => {
    const cache = await tempCache();
    const stored = await cache.put(key, 16000, sinePcm16(200, 16000));
    await writeFile(stored.path, wavFile(sinePcm16(200, 16000), 16000));
    expect(await cache.read(key)).toEqual({ status: 'miss' });
  });
});
