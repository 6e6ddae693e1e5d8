/**
 * The pipeline keeps every request within each built-in engine's own limit,
 * counted in that engine's unit (characters, billed characters or UTF-8
 * bytes) and rendered in its dialect, and loses no word doing so.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BUILT_IN_ENGINES, createEngine, withPlaceholderCredentials } from '../../src/engines/registry.js';
import type { SpeechEngine } from '../../src/engines/speech-engine.js';
import { renderBlock, type PlannedRequest } from '../../src/ssml/render-block.js';
import { billedCharacters } from '../../src/ssml/render-ssml.js';
import { DEFAULT_QUOTE_STYLE } from '../../src/ssml/speech-plan.js';
import { synthesizeBlocks } from '../../src/synthesize/synthesize-blocks.js';
import { resolveFfmpegPath } from '../../src/platform/ffmpeg.js';
import { createPollyEngine } from '../../src/engines/polly/polly-engine.js';
import { speechBlock } from '../helpers/speech-blocks.js';
import { startPollyServer, type FakeVendorServer } from '../helpers/vendor-server.js';

type SpeechRequest = Extract<PlannedRequest, { kind: 'speech' }>;

function inputSize(input: string, unit: string): number {
  if (unit === 'bytes') return Buffer.byteLength(input, 'utf8');
  if (unit === 'billed-chars') return billedCharacters(input);
  return input.length;
}

function wordsOf(text: string): string[] {
  return text.replace(/<[^>]+>/g, ' ').match(/[A-Za-z0-9]+/g) ?? [];
}

/** A block half as long again as `limit`: long sentences of numbered clauses, every word unique. */
function overLimitBlock(limit: number) {
  const sentence = Array.from({ length: 12 }, (_, clause) => Array.from({ length: 10 }, (_, word) => `w${clause}x${word}`).join(' ')).join(', ');
  const repeats = Math.ceil((limit * 1.5) / sentence.length) + 1;
  const sentences = Array.from({ length: repeats }, (_, index) => `${sentence.replace(/w/g, `s${index}w`)}.`);
  return { block: speechBlock('s0-b2', 'paragraph', sentences), words: wordsOf(sentences.join(' ')) };
}

function speechRequests(engine: SpeechEngine, block: ReturnType<typeof overLimitBlock>['block']): SpeechRequest[] {
  const rendered = renderBlock(block, 0, engine, { voice: engine.defaultVoice, quotes: DEFAULT_QUOTE_STYLE, requestPerSentence: false });
  return rendered.requests.filter((request): request is SpeechRequest => request.kind === 'speech');
}

describe('splitting an over-limit block for each built-in engine', () => {
  it.each(BUILT_IN_ENGINES.map((entry) => entry.id))('%s: every request within its limit, every word once and in order', async (id) => {
    const options = id === 'command' ? { command: `${process.execPath} --version` } : {};
    const engine = await createEngine(id, { options, env: withPlaceholderCredentials({}) });
    try {
      const { maxInput, inputUnit } = engine.capabilities;
      const { block, words } = overLimitBlock(maxInput);
      const requests = speechRequests(engine, block);
      expect(requests.length).toBeGreaterThan(1);
      for (const request of requests) expect(inputSize(request.input, inputUnit)).toBeLessThanOrEqual(maxInput);
      expect(requests.flatMap((request) => wordsOf(request.input))).toEqual(words);
    } finally {
      await engine.close?.();
    }
  });
});

describe('synthesizing the parts of a split block', () => {
  let server: FakeVendorServer;
  beforeEach(async () => {
    server = await startPollyServer({ accessKeyId: 'AKIDSPLIT', region: 'eu-west-1' });
  });
  afterEach(async () => {
    await server.close();
  });

  it('sends every part to the engine, so the vendor hears every word', async () => {
    const engine = await createPollyEngine({
      options: { endpoint: server.url, region: 'eu-west-1' },
      env: { AWS_ACCESS_KEY_ID: 'AKIDSPLIT', AWS_SECRET_ACCESS_KEY: 'split-secret', AWS_REGION: 'eu-west-1' },
    });
    const { block, words } = overLimitBlock(engine.capabilities.maxInput);
    const rendered = renderBlock(block, 0, engine, { voice: engine.defaultVoice, quotes: DEFAULT_QUOTE_STYLE, requestPerSentence: false });
    const parts = rendered.requests.filter((request) => request.kind === 'speech').length;
    const synthesis = await synthesizeBlocks([rendered], engine, { concurrency: 2, ffmpegPath: resolveFfmpegPath() });
    try {
      expect(synthesis.stats.cacheMisses).toBe(parts);
      const heard = server.requests.filter((request) => request.method === 'POST').map((request) => request.body);
      expect(heard).toHaveLength(parts);
      // Parts run two at a time and may arrive in any order: every word, each exactly once.
      const heardWords = wordsOf(heard.map((body) => (JSON.parse(body) as { Text: string }).Text).join(' '));
      expect(heardWords.sort()).toEqual([...words].sort());
    } finally {
      await synthesis.dispose();
    }
  });
});
