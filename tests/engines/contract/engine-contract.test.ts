/**
 * The shared engine contract: every engine kind briefing supports must pass
 * it. Cloud engines run against local servers that answer as the vendors
 * document (tests/helpers/vendor-server.ts).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isBriefingError } from '../../../src/errors.js';
import { renderBlock, type PlannedRequest } from '../../../src/ssml/render-block.js';
import { DEFAULT_QUOTE_STYLE } from '../../../src/ssml/speech-plan.js';
import { synthesizeBlocks } from '../../../src/synthesize/synthesize-blocks.js';
import { buildTimeline } from '../../../src/assemble/timeline.js';
import { resolveFfmpegPath } from '../../../src/platform/ffmpeg.js';
import { billedCharacters } from '../../../src/ssml/render-ssml.js';
import { speechBlock } from '../../helpers/speech-blocks.js';
import { ENGINE_SETUPS, type EngineUnderTest } from './engine-setups.js';

const ffmpegPath = resolveFfmpegPath();

function inputSize(request: Extract<PlannedRequest, { kind: 'speech' }>, unit: string): number {
  if (unit === 'bytes') return Buffer.byteLength(request.input, 'utf8');
  if (unit === 'billed-chars') return billedCharacters(request.input);
  return request.input.length;
}

function wordsOf(text: string): string[] {
  return text.replace(/<[^>]+>/g, ' ').match(/[A-Za-z0-9]+/g) ?? [];
}

describe.each(ENGINE_SETUPS)('engine contract: $name', (setup) => {
  let subject: EngineUnderTest;
  let folder: string;
  beforeEach(async () => {
    subject = await setup.make();
    folder = await mkdtemp(join(tmpdir(), 'briefing-contract-'));
  });
  afterEach(async () => {
    await subject.close();
    await subject.engine.close?.();
    await rm(folder, { recursive: true, force: true });
  });

  it('declares the v1 contract and lists voices', async () => {
    const { engine } = subject;
    expect(engine.spec).toBe('v1');
    expect(engine.id).toMatch(/^[a-z][\w-]*$/);
    expect(engine.capabilities.maxInput).toBeGreaterThan(0);
    const voices = await engine.voices();
    expect(voices.length).toBeGreaterThan(0);
    for (const voice of voices) {
      expect(voice.id).toEqual(expect.any(String));
      expect(voice.languages.length).toBeGreaterThan(0);
    }
  });

  it('speaks two sentences with a quote and a break at a plausible length', async () => {
    const { engine } = subject;
    const block = speechBlock('s0-b1', 'paragraph', ['The ferry left at dawn.', 'Its captain said “the sea is calm today” before leaving.']);
    const rendered = renderBlock(block, 700, engine, { voice: engine.defaultVoice, quotes: DEFAULT_QUOTE_STYLE, requestPerSentence: engine.capabilities.embedded });
    const synthesis = await synthesizeBlocks([rendered], engine, { concurrency: 1, ffmpegPath });
    const timeline = await buildTimeline(synthesis.blocks, join(folder, 'contract.wav'), ffmpegPath);
    await synthesis.dispose();
    // Fifteen words and a 700 ms pause: between one and a half and twenty seconds whatever the voice.
    expect(timeline.durationMs).toBeGreaterThan(1500);
    expect(timeline.durationMs).toBeLessThan(20000);
    if (subject.server) {
      const sent = subject.server.requests.map((request) => request.body).join(' ');
      expect(sent).toMatch(/the sea is calm today/);
    }
  });

  it('splits an over-limit block within the engine limit without losing a word', async () => {
    const { engine } = subject;
    const limit = engine.capabilities.maxInput;
    const sentence = Array.from({ length: 12 }, (_, clause) => Array.from({ length: 10 }, (_, word) => `w${clause}x${word}`).join(' ')).join(', ');
    const repeats = Math.ceil((limit * 1.5) / sentence.length) + 1;
    const sentences = Array.from({ length: repeats }, (_, index) => `${sentence.replace(/w/g, `s${index}w`)}.`);
    const block = speechBlock('s0-b2', 'paragraph', sentences);
    const rendered = renderBlock(block, 0, engine, { voice: engine.defaultVoice, quotes: DEFAULT_QUOTE_STYLE, requestPerSentence: false });
    const requests = rendered.requests.filter((request): request is Extract<PlannedRequest, { kind: 'speech' }> => request.kind === 'speech');
    expect(requests.length).toBeGreaterThan(1);
    for (const request of requests) expect(inputSize(request, engine.capabilities.inputUnit)).toBeLessThanOrEqual(limit);
    expect(requests.flatMap((request) => wordsOf(request.input))).toEqual(wordsOf(sentences.join(' ')));
    if (setup.cheap) {
      const synthesis = await synthesizeBlocks([rendered], engine, { concurrency: 2, ffmpegPath });
      expect(synthesis.stats.cacheMisses).toBe(requests.length);
      await synthesis.dispose();
      if (subject.server) {
        const heard = subject.server.requests.filter((request) => request.method === 'POST').map((request) => request.body).join(' ');
        for (const word of wordsOf(sentences.join(' '))) expect(heard).toContain(word);
      }
    }
  });

  it('stops when aborted', async () => {
    const { engine } = subject;
    const rendered = renderBlock(speechBlock('s0-b3', 'paragraph', ['Hello there.']), 0, engine, { voice: engine.defaultVoice, quotes: DEFAULT_QUOTE_STYLE, requestPerSentence: true });
    const first = rendered.requests[0]!;
    if (first.kind !== 'speech') throw new Error('expected a speech request');
    const request = { input: first.input, inputType: first.inputType, language: 'en' };
    const before = new AbortController();
    before.abort();
    await expect(engine.synthesize(request, before.signal)).rejects.toMatchObject({ code: 'ABORTED' });
    if (subject.stall) {
      subject.stall();
      const during = new AbortController();
      const running = engine.synthesize(request, during.signal);
      setTimeout(() => during.abort(), 50);
      await expect(running).rejects.toMatchObject({ code: 'ABORTED' });
    }
  });

  it('rejects an unknown voice with a typed error', async () => {
    const { engine } = subject;
    const input = engine.capabilities.input === 'ssml' ? '<speak>Hello.</speak>' : 'Hello.';
    if (subject.server) subject.server.failNext({ status: 400, message: 'Voice does-not-exist is not available.' });
    const error = await engine.synthesize({ input, inputType: engine.capabilities.input, language: 'en', voice: 'does-not-exist' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Error);
    expect(isBriefingError(error)).toBe(true);
    expect((error as { code: string }).code).toMatch(/^(VOICE_UNKNOWN|ENGINE_REQUEST_FAILED)$/);
    expect((error as Error).message).toMatch(/does-not-exist|voice/i);
  });
});
