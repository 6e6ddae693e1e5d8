import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveFfmpegPath } from '../../src/platform/ffmpeg.js';
import { PODCAST_LOUDNESS } from '../../src/assemble/loudness.js';
import { BriefingError } from '../../src/errors.js';
import { produceAudio } from '../../src/pipeline/produce-audio.js';
import { renderBlock } from '../../src/ssml/render-block.js';
import { DEFAULT_QUOTE_STYLE } from '../../src/ssml/speech-plan.js';
import { rejection } from '../helpers/expect-error.js';
import { speechBlock } from '../helpers/speech-blocks.js';
import { createToneEngine, type ToneEngine } from '../helpers/tone-engine.js';

// Writing to /dev/full always fails with ENOSPC: a real full disk, no mount needed.
const DEV_FULL = '/dev/full';
const haveDevFull = existsSync(DEV_FULL);
const ffmpegPath = resolveFfmpegPath();
const folders: string[] = [];
afterAll(async () => {
  for (const folder of folders) await rm(folder, { recursive: true, force: true });
});

/** A tone engine whose last request never finishes on its own: it ends only when the caller aborts. */
function engineThatWaitsAtTheEnd(hangFrom: number): ToneEngine {
  const tone = createToneEngine();
  return {
    ...tone,
    async synthesize(request, signal) {
      if (tone.received.length + 1 < hangFrom) return tone.synthesize(request, signal);
      tone.received.push(request);
      return new Promise((_resolve, reject) => {
        signal?.addEventListener('abort', () => reject(new BriefingError('ABORTED', 'tone: synthesis aborted')), { once: true });
      });
    },
  };
}

describe('a full output disk while synthesis is still running', () => {
  it.skipIf(!haveDevFull)(`is DISK_FULL naming the folder, not an interrupt${haveDevFull ? '' : ' (skipped: this system has no /dev/full)'}`, async () => {
    const folder = await mkdtemp(join(tmpdir(), 'briefing-disk-full-'));
    folders.push(folder);
    const engine = engineThatWaitsAtTheEnd(7);
    // Six blocks of 100 short words (72 s of tone) start the encoder; the seventh never comes, so only the encoder's failure can end the build.
    const rendered = Array.from({ length: 7 }, (_, index) =>
      renderBlock(speechBlock(`s0-b${index}`, 'paragraph', [`${'a '.repeat(99)}b${index}.`]), 300, engine, { voice: 'a4', quotes: DEFAULT_QUOTE_STYLE, requestPerSentence: true }),
    );
    const wav = join(folder, 'narration.wav');
    const error = await rejection(
      produceAudio(rendered, { wav, mp3: DEV_FULL }, {
        engine,
        concurrency: 2,
        retry: { retries: 0, baseDelayMs: 1, maxDelayMs: 1 },
        target: PODCAST_LOUDNESS,
        encoding: { bitrateKbps: 64, channels: 1 },
        ffmpegPath,
      }),
    );
    expect(error.code).toBe('DISK_FULL');
    expect(error.message).toBe('/dev: the disk is full (no space left on device)');
    expect(existsSync(wav)).toBe(false);
  });
});
