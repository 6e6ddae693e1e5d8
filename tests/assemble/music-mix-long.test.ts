import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { measureLoudness, resolveFfmpegPath } from '../../src/platform/ffmpeg.js';
import { PODCAST_LOUDNESS } from '../../src/assemble/loudness.js';
import { defaultMusic, encodeWithMusic } from '../../src/assemble/music-mix.js';
import {
  bestMatch,
  decodeMono,
  firstSound,
  scanMp3Frames,
  writeFliteNarration,
  writeRepeatedWav,
  type Speech,
} from './helpers/audio-fixtures.js';

const ffmpegPath = resolveFfmpegPath();
const TWENTY_MINUTES_MS = 20 * 60_000;
let directory: string;
let narration: string;
let speech: Speech;
let durationMs: number;

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'briefing-music-long-'));
  const short = join(directory, 'short.wav');
  speech = await writeFliteNarration(short);
  narration = join(directory, 'narration.wav');
  const times = Math.ceil(TWENTY_MINUTES_MS / ((speech.samples.length / speech.sampleRate) * 1000));
  ({ durationMs } = await writeRepeatedWav(short, narration, times));
});

afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

describe('encodeWithMusic on a 20-minute narration', () => {
  it('lands at −16 LUFS ±1 and true peak ≤ −1 dBTP in at most two passes, reporting the loudness of the finished file, with no drift by the end', async () => {
    expect(durationMs).toBeGreaterThanOrEqual(TWENTY_MINUTES_MS);
    const output = join(directory, 'long.mp3');
    const encoded = await encodeWithMusic(narration, output, PODCAST_LOUDNESS, defaultMusic(), {}, ffmpegPath);
    expect(Math.abs(encoded.loudness.integratedLufs - PODCAST_LOUDNESS.integratedLufs)).toBeLessThanOrEqual(PODCAST_LOUDNESS.toleranceLu);
    expect(encoded.loudness.truePeakDbtp).toBeLessThanOrEqual(PODCAST_LOUDNESS.truePeakDbtp);
    expect([1, 2]).toContain(encoded.passes);
    const measured = await measureLoudness(output, ffmpegPath);
    expect(encoded.loudness.integratedLufs).toBeCloseTo(measured.integratedLufs, 1);
    expect(encoded.loudness.truePeakDbtp).toBeCloseTo(measured.truePeakDbtp, 1);

    const frames = await scanMp3Frames(output);
    expect([...frames.bitratesKbps]).toEqual([128]);
    expect([...frames.channelModes]).toEqual(['stereo']);
    expect(encoded.durationMs).toBeCloseTo(encoded.narrationOffsetMs + durationMs + 6000, -1);
    expect(Math.abs((frames.frames * 1152 * 1000) / 44100 - encoded.durationMs)).toBeLessThan(100);

    // The last repetition of the narration is still heard exactly where the offset puts it.
    const rate = speech.sampleRate;
    const mixed = await decodeMono(output, join(directory, 'decoded.wav'), rate, ffmpegPath);
    const lastStart = Math.round(((durationMs - (speech.samples.length / rate) * 1000) / 1000) * rate);
    const onset = firstSound(speech.samples);
    const template = speech.samples.subarray(onset, onset + rate / 2);
    const expected = lastStart + onset + Math.round((encoded.narrationOffsetMs / 1000) * rate);
    const found = bestMatch(mixed.samples, template, expected - rate / 4, expected + rate / 4);
    expect(found.correlation).toBeGreaterThan(0.5);
    expect(Math.abs(((found.lag - expected) / rate) * 1000)).toBeLessThanOrEqual(50);
  });
});
