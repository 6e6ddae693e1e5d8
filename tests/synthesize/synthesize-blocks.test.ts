import { mkdtemp, readdir, rm, truncate } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BriefingError } from '../../src/errors.js';
import { renderBlock, type RenderedBlock } from '../../src/ssml/render-block.js';
import { DEFAULT_QUOTE_STYLE } from '../../src/ssml/speech-plan.js';
import { AudioCache } from '../../src/synthesize/audio-cache.js';
import { synthesizeBlocks } from '../../src/synthesize/synthesize-blocks.js';
import { resolveFfmpegPath } from '../../src/platform/ffmpeg.js';
import { speechBlock } from '../helpers/speech-blocks.js';
import { createToneEngine, type ToneEngine } from '../helpers/tone-engine.js';

const ffmpegPath = resolveFfmpegPath();
const folders: string[] = [];
afterEach(async () => {
  for (const folder of folders.splice(0)) await rm(folder, { recursive: true, force: true });
});

async function tempCache(): Promise<AudioCache> {
  const folder = await mkdtemp(join(tmpdir(), 'briefing-cache-test-'));
  folders.push(folder);
  return new AudioCache(folder);
}

function article(paragraphs: string[], engine: ToneEngine, voice = 'a4'): RenderedBlock[] {
  return paragraphs.map((text, index) =>
    renderBlock(speechBlock(`s0-b${index}`, index === 0 ? 'title' : 'paragraph', [text]), 300, engine, { voice, quotes: DEFAULT_QUOTE_STYLE, requestPerSentence: true }),
  );
}

const paragraphs = ['Bridge vote today.', 'The council met at noon.', 'Residents asked many questions.', 'The vote passed by two.'];
const fastRetry = { retries: 3, baseDelayMs: 1, maxDelayMs: 5 };

describe('synthesizeBlocks with a cache', () => {
  it('synthesizes nothing on an unchanged rebuild, one block after an edit, everything after a voice change', async () => {
    const cache = await tempCache();
    const engine = createToneEngine();
    const first = await synthesizeBlocks(article(paragraphs, engine), engine, { cache, concurrency: 2, ffmpegPath });
    expect(first.stats).toMatchObject({ requests: 4, cacheHits: 0, cacheMisses: 4 });

    const again = await synthesizeBlocks(article(paragraphs, engine), engine, { cache, concurrency: 2, ffmpegPath });
    expect(again.stats).toMatchObject({ requests: 4, cacheHits: 4, cacheMisses: 0 });
    expect(engine.received).toHaveLength(4);

    const edited = [...paragraphs];
    edited[2] = 'Residents asked one question.';
    const afterEdit = await synthesizeBlocks(article(edited, engine), engine, { cache, concurrency: 2, ffmpegPath });
    expect(afterEdit.stats).toMatchObject({ cacheHits: 3, cacheMisses: 1 });
    expect(engine.received.at(-1)!.input).toBe('Residents asked one question.');

    const otherVoice = await synthesizeBlocks(article(paragraphs, engine, 'c5'), engine, { cache, concurrency: 2, ffmpegPath });
    expect(otherVoice.stats).toMatchObject({ cacheHits: 0, cacheMisses: 4 });
  });

  it('detects a truncated entry and makes it again', async () => {
    const cache = await tempCache();
    const engine = createToneEngine();
    const first = await synthesizeBlocks(article(paragraphs.slice(0, 1), engine), engine, { cache, concurrency: 1, ffmpegPath });
    const piece = first.blocks[0]!.pieces[0]!;
    if (piece.kind !== 'audio') throw new Error('expected audio');
    await truncate(piece.path, 100);
    const second = await synthesizeBlocks(article(paragraphs.slice(0, 1), engine), engine, { cache, concurrency: 1, ffmpegPath });
    expect(second.stats).toMatchObject({ cacheHits: 0, cacheMisses: 1 });
  });

  it('keeps block order whatever order requests finish in', async () => {
    const engine = createToneEngine();
    const slow: ToneEngine = { ...engine, synthesize: async (request, signal) => {
      await new Promise((resolve) => setTimeout(resolve, request.input.length % 3 === 0 ? 30 : 1));
      return engine.synthesize(request, signal);
    } };
    const result = await synthesizeBlocks(article(paragraphs, slow), slow, { concurrency: 4, ffmpegPath });
    expect(result.blocks.map((block) => block.blockId)).toEqual(['s0-b0', 's0-b1', 's0-b2', 's0-b3']);
    const sizes = result.blocks.map((block) => (block.pieces[0]!.kind === 'audio' ? block.pieces[0]!.dataBytes : 0));
    expect(sizes).toEqual(paragraphs.map((text) => text.split(' ').length * 120 * 16 * 2));
    await result.dispose();
  });
});

describe('synthesizeBlocks retries', () => {
  it('succeeds after retryable failures of the second and third requests', async () => {
    const engine = createToneEngine({
      fail: (n) => (n === 2 || n === 3 ? new BriefingError('ENGINE_REQUEST_FAILED', 'tone: busy (HTTP 429)', { retryable: true, retryAfterMs: 2 }) : undefined),
    });
    const result = await synthesizeBlocks(article(paragraphs, engine), engine, { concurrency: 1, ffmpegPath, retry: fastRetry });
    expect(result.stats.retries).toBe(2);
    expect(result.stats.cacheMisses).toBe(4);
    await result.dispose();
  });

  it('names the block, the engine and the vendor message on a final error, and a rerun resumes from the cache', async () => {
    const cache = await tempCache();
    const failing = createToneEngine({
      fail: (n) => (n === 3 ? new BriefingError('ENGINE_REQUEST_FAILED', 'tone: voice not allowed (HTTP 400)') : undefined),
    });
    await expect(synthesizeBlocks(article(paragraphs, failing), failing, { cache, concurrency: 1, ffmpegPath, retry: fastRetry })).rejects.toThrow(
      /^block s0-b2: tone: voice not allowed \(HTTP 400\)$/,
    );
    const healthy = createToneEngine();
    const rerun = await synthesizeBlocks(article(paragraphs, healthy), healthy, { cache, concurrency: 1, ffmpegPath });
    expect(rerun.stats).toMatchObject({ cacheHits: 2, cacheMisses: 2 });
    expect(healthy.received.map((request) => request.input)).toEqual(paragraphs.slice(2));
    expect((await readdir(cache.directory)).length).toBeGreaterThan(0);
  });

  it('stops promptly when aborted', async () => {
    const engine = createToneEngine({ fail: () => new BriefingError('ENGINE_REQUEST_FAILED', 'tone: down (HTTP 503)', { retryable: true, retryAfterMs: 60_000 }) });
    const controller = new AbortController();
    const running = synthesizeBlocks(article(paragraphs, engine), engine, { concurrency: 1, ffmpegPath, signal: controller.signal, retry: { retries: 5, baseDelayMs: 60_000, maxDelayMs: 60_000 } });
    setTimeout(() => controller.abort(), 20);
    await expect(running).rejects.toMatchObject({ code: 'ABORTED' });
  });
});
