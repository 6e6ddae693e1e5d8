import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createFliteEngine } from '../../src/engines/flite/flite-engine.js';
import { createEspeakEngine } from '../../src/engines/espeak/espeak-engine.js';
import { renderBlock } from '../../src/ssml/render-block.js';
import { DEFAULT_QUOTE_STYLE } from '../../src/ssml/speech-plan.js';
import { synthesizeBlocks } from '../../src/synthesize/synthesize-blocks.js';
import { PODCAST_LOUDNESS } from '../../src/assemble/loudness.js';
import { assembleEpisode } from '../../src/assemble/assemble-episode.js';
import { decodedDurationMs, resolveFfmpegPath } from '../../src/platform/ffmpeg.js';
import { speechBlock } from '../helpers/speech-blocks.js';

const ffmpegPath = resolveFfmpegPath();
const directories: string[] = [];
afterAll(async () => {
  for (const directory of directories) await rm(directory, { recursive: true, force: true });
});

describe.each([
  ['flite', createFliteEngine, 'slt'],
  ['espeak', createEspeakEngine, 'en'],
] as const)('%s: blocks to MP3', (_name, create, voice) => {
  it('joins pieces and silences into an MP3 whose length and block times add up', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'briefing-audio-'));
    directories.push(directory);
    const engine = await create({ options: {} });
    const blocks = [
      speechBlock('s0-b0', 'title', ['Council approves the new bridge.']),
      speechBlock('s0-b1', 'paragraph', ['The vote was close.', 'The mayor said “we will build it” on Monday.'], { speaker: 'Ann Lee' }),
    ];
    const rendered = blocks.map((block, index) => renderBlock(block, index === 0 ? 800 : 0, engine, { voice, quotes: DEFAULT_QUOTE_STYLE, requestPerSentence: true }));
    const synthesis = await synthesizeBlocks(rendered, engine, { concurrency: 2, ffmpegPath });
    const mp3 = join(directory, 'episode.mp3');
    const encoded = await assembleEpisode(synthesis.blocks, { wav: join(directory, 'narration.wav'), mp3 }, PODCAST_LOUDNESS, { bitrateKbps: 64, channels: 1 }, ffmpegPath);
    await synthesis.dispose();
    const timeline = encoded.timeline;
    const [title, paragraph] = timeline.blocks;
    expect(title!.startMs).toBe(0);
    expect(paragraph!.startMs).toBe(title!.endMs);
    expect(title!.endMs - title!.speechEndMs).toBeCloseTo(engine.capabilities.input === 'text' ? 800 : 0, -1);
    expect(paragraph!.sentences.map((sentence) => sentence.index)).toEqual([0, 1]);
    expect(paragraph!.sentences[1]!.startMs).toBeGreaterThan(paragraph!.sentences[0]!.startMs);
    const decoded = await decodedDurationMs(mp3, ffmpegPath);
    expect(Math.abs(decoded - timeline.durationMs) / timeline.durationMs).toBeLessThan(0.01);
    expect(encoded.loudness.truePeakDbtp).toBeLessThanOrEqual(-1);
    expect(Math.abs(encoded.loudness.integratedLufs + 16)).toBeLessThanOrEqual(1);
  });
});
