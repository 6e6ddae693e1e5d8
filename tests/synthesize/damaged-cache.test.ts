import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, stat, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { resolveFfmpegPath } from '../../src/platform/ffmpeg.js';
import { renderBlock, type RenderedBlock } from '../../src/ssml/render-block.js';
import { DEFAULT_QUOTE_STYLE } from '../../src/ssml/speech-plan.js';
import { AudioCache } from '../../src/synthesize/audio-cache.js';
import { synthesizeBlocks } from '../../src/synthesize/synthesize-blocks.js';
import { speechBlock } from '../helpers/speech-blocks.js';
import { withWarningsAsync } from '../helpers/with-warnings.js';
import { createToneEngine, type ToneEngine } from '../helpers/tone-engine.js';

const ffmpegPath = resolveFfmpegPath();
const folders: string[] = [];
afterEach(async () => {
  for (const folder of folders.splice(0)) await rm(folder, { recursive: true, force: true });
});

function article(paragraphs: string[], engine: ToneEngine): RenderedBlock[] {
  return paragraphs.map((text, index) =>
    renderBlock(speechBlock(`s0-b${index}`, 'paragraph', [text]), 300, engine, { voice: 'a4', quotes: DEFAULT_QUOTE_STYLE, requestPerSentence: true }),
  );
}

const paragraphs = ['Bridge vote today.', 'The council met at noon.', 'Residents asked many questions.', 'The vote passed by two.'];

describe('synthesis over a damaged cache', () => {
  it('makes every damaged piece again, says so per block, and uses the good ones', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'briefing-damaged-cache-'));
    folders.push(folder);
    const cache = new AudioCache(folder);
    const engine = createToneEngine({ wordTimings: true });
    const first = await synthesizeBlocks(article(paragraphs, engine), engine, { cache, concurrency: 2, ffmpegPath });
    const paths = first.blocks.map((block) => (block.pieces[0]!.kind === 'audio' ? block.pieces[0]!.path : ''));
    const originals = await Promise.all(paths.map((path) => readFile(path)));

    await truncate(paths[0]!, Math.floor(originals[0]!.byteLength / 2));
    await writeFile(paths[1]!, randomBytes(originals[1]!.byteLength));
    const zeroed = Buffer.from(originals[2]!);
    zeroed.fill(0, 44, zeroed.byteLength - 200);
    await writeFile(paths[2]!, zeroed);

    const again = await withWarningsAsync((context) => synthesizeBlocks(article(paragraphs, engine), engine, { cache, concurrency: 2, ffmpegPath, context }));
    expect(again.stats).toMatchObject({ requests: 4, cacheHits: 1, cacheMisses: 3 });
    expect(engine.received.slice(4).map((request) => request.input).sort()).toEqual(paragraphs.slice(0, 3).sort());
    const damaged = again.warnings.filter((warning) => warning.code === 'CACHE_ENTRY_DAMAGED');
    expect(damaged.map((warning) => warning.blockId).sort()).toEqual(['s0-b0', 's0-b1', 's0-b2']);
    expect(damaged.every((warning) => /damaged .*synthesized again/.test(warning.message) && warning.stage === 'synthesize')).toBe(true);
    // What is used now is the audio the engine made, byte for byte, not the damage.
    const rebuilt = await Promise.all(paths.map((path) => readFile(path)));
    rebuilt.forEach((bytes, index) => expect(Buffer.compare(bytes, originals[index]!)).toBe(0));
    expect((await stat(paths[3]!)).size).toBe(originals[3]!.byteLength);

    const clean = await withWarningsAsync((context) => synthesizeBlocks(article(paragraphs, engine), engine, { cache, concurrency: 2, ffmpegPath, context }));
    expect(clean.stats).toMatchObject({ cacheHits: 4, cacheMisses: 0 });
    expect(clean.warnings).toEqual([]);
  });
});
