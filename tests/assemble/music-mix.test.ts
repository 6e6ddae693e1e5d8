import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodedDurationMs, measureLoudness, measureMixInputs, renderMusicMix, resolveFfmpegPath, type MixInputMeasurements } from '../../src/platform/ffmpeg.js';
import { PODCAST_LOUDNESS } from '../../src/assemble/loudness.js';
import {
  BED_LOOP_CROSSFADE_MS,
  DEFAULT_BED_LEVEL_DB,
  defaultMusic,
  encodeWithMusic,
  INTRO_OVERLAP_MS,
  narrationOffsetMs,
  planMusicMix,
  shiftTimedBlocks,
} from '../../src/assemble/music-mix.js';
import type { TimedBlock } from '../../src/assemble/timeline.js';
import {
  bestMatch,
  decodeMono,
  firstSound,
  readStereoFloatWav,
  scanMp3Frames,
  windowPowerDb,
  writeFliteNarration,
  writeSilentWav,
  type Speech,
} from './helpers/audio-fixtures.js';

const ffmpegPath = resolveFfmpegPath();
const music = defaultMusic();
const RATE = 44100;
let directory: string;
let narration: string;
let speech: Speech;

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'briefing-music-'));
  narration = join(directory, 'narration.wav');
  speech = await writeFliteNarration(narration);
});

afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

const speechMs = () => (speech.samples.length / speech.sampleRate) * 1000;

/** Where the narration is heard in `mixed` (same rate as the narration), found by matching half a second of it near `atMs` of the narration. */
function locate(mixed: Speech, atMs: number, expectedOffsetMs: number): { offsetMs: number; correlation: number } {
  const rate = speech.sampleRate;
  const start = firstSound(speech.samples.subarray(Math.round((atMs / 1000) * rate))) + Math.round((atMs / 1000) * rate);
  const template = speech.samples.subarray(start, start + rate / 2);
  const expected = start + Math.round((expectedOffsetMs / 1000) * rate);
  const found = bestMatch(mixed.samples, template, expected - rate, expected + rate);
  return { offsetMs: ((found.lag - start) / rate) * 1000, correlation: found.correlation };
}

describe('the shipped music', () => {
  it('is stereo 44.1 kHz CBR 128 kbps, small, and the bed is a 30 s loop plus its crossfade', async () => {
    let bytes = 0;
    for (const path of [music.intro, music.outro, music.bed]) {
      const frames = await scanMp3Frames(path);
      expect([...frames.bitratesKbps]).toEqual([128]);
      expect([...frames.sampleRates]).toEqual([44100]);
      expect([...frames.channelModes]).toEqual(['stereo']);
      bytes += (await stat(path)).size;
    }
    expect(bytes).toBeLessThan(800 * 1024);
    const measured = await measureMixInputs(narration, [music.intro, music.outro, music.bed], ffmpegPath);
    const [intro, outro, bed] = measured.music;
    expect(intro!.samples).toBe(6 * RATE);
    expect(outro!.samples).toBe(6 * RATE);
    expect(bed!.samples).toBe(30 * RATE + (BED_LOOP_CROSSFADE_MS / 1000) * RATE);
    for (const piece of measured.music) expect(piece.integratedLufs).toBeGreaterThan(-30);
  });
});

describe('encodeWithMusic', () => {
  it('mixes intro, bed and outro into a stereo 44.1 kHz CBR MP3 at −16 LUFS, the narration heard at the reported offset', async () => {
    const output = join(directory, 'with-music.mp3');
    const encoded = await encodeWithMusic(narration, output, PODCAST_LOUDNESS, music, { bitrateKbps: 64 }, ffmpegPath);

    expect(encoded.channels).toBe(2);
    expect(encoded.bitrateKbps).toBe(128);
    const frames = await scanMp3Frames(output);
    expect([...frames.bitratesKbps]).toEqual([128]);
    expect([...frames.sampleRates]).toEqual([44100]);
    expect([...frames.channelModes]).toEqual(['stereo']);

    const loudness = await measureLoudness(output, ffmpegPath);
    expect(Math.abs(loudness.integratedLufs - PODCAST_LOUDNESS.integratedLufs)).toBeLessThanOrEqual(PODCAST_LOUDNESS.toleranceLu);
    expect(loudness.truePeakDbtp).toBeLessThanOrEqual(PODCAST_LOUDNESS.truePeakDbtp);
    expect(encoded.loudness.integratedLufs).toBeCloseTo(loudness.integratedLufs, 1);

    expect([1, 2]).toContain(encoded.passes);
    expect(encoded.loudness.truePeakDbtp).toBeCloseTo(loudness.truePeakDbtp, 1);

    // The rule: the narration starts over the last second of the 6 s intro.
    expect(encoded.narrationOffsetMs).toBe(6000 - INTRO_OVERLAP_MS);
    const mixed = await decodeMono(output, join(directory, 'with-music-decoded.wav'), speech.sampleRate, ffmpegPath);
    for (const atMs of [0, speechMs() - 4000]) {
      const heard = locate(mixed, atMs, encoded.narrationOffsetMs);
      expect(heard.correlation).toBeGreaterThan(0.5);
      expect(Math.abs(heard.offsetMs - encoded.narrationOffsetMs)).toBeLessThanOrEqual(50);
    }

    // Intro, narration, then the 6 s outro.
    expect(encoded.durationMs).toBeCloseTo(encoded.narrationOffsetMs + speechMs() + 6000, -1);
    expect(Math.abs((await decodedDurationMs(output, ffmpegPath)) - encoded.durationMs)).toBeLessThanOrEqual(50);
  });

  it('ducks the bed at least 12 dB under the speech while speech plays, and lets it up between', async () => {
    const measured = await measureMixInputs(narration, [music.intro, music.bed, music.outro], ffmpegPath);
    const plan = planMusicMix(narration, music, measured, PODCAST_LOUDNESS);
    const stem = async (part: 'bed' | 'narration') => {
      const path = join(directory, `stem-${part}.wav`);
      await renderMusicMix(plan, path, { format: 'wav', bitrateKbps: 128, limiterCeilingDb: -2.2, parts: [part] }, ffmpegPath);
      return readStereoFloatWav(path);
    };
    const bed = await stem('bed');
    const voice = await stem('narration');
    const window = Math.round(0.4 * RATE);
    let bedSum = 0;
    let voiceSum = 0;
    const ratios: number[] = [];
    for (let start = 0; start + window <= voice.left.length; start += window) {
      const voiceDb = windowPowerDb(voice, start, start + window);
      if (voiceDb < -30) continue;
      const bedDb = windowPowerDb(bed, start, start + window);
      bedSum += 10 ** (bedDb / 10);
      voiceSum += 10 ** (voiceDb / 10);
      ratios.push(bedDb - voiceDb);
    }
    expect(ratios.length).toBeGreaterThan(30);
    const underSpeech = 10 * Math.log10(bedSum / voiceSum);
    expect(underSpeech).toBeLessThanOrEqual(-12);
    // The bed is there, near the level asked for.
    expect(underSpeech).toBeGreaterThan(DEFAULT_BED_LEVEL_DB - 6);
    expect(ratios.filter((ratio) => ratio <= -12).length / ratios.length).toBeGreaterThanOrEqual(0.9);

    // Before the first word the bed is up; under the speech it is down.
    const leadIn = windowPowerDb(bed, Math.round(((plan.narrationOffsetMs - 900) / 1000) * RATE), Math.round(((plan.narrationOffsetMs - 200) / 1000) * RATE));
    const firstWord = Math.round((plan.narrationOffsetMs / 1000) * RATE) + Math.round((firstSound(speech.samples) / speech.sampleRate) * RATE);
    const ducked = windowPowerDb(bed, firstWord + RATE, firstWord + 2 * RATE);
    expect(leadIn - ducked).toBeGreaterThanOrEqual(6);
  });

  it('with a bed alone, starts the narration once the bed has faded in', async () => {
    const output = join(directory, 'bed-only.mp3');
    const settings = { bed: music.bed, fadeMs: 1500, bedLevelDb: -25 };
    const encoded = await encodeWithMusic(narration, output, PODCAST_LOUDNESS, settings, {}, ffmpegPath);
    expect(encoded.narrationOffsetMs).toBe(1500);
    const loudness = await measureLoudness(output, ffmpegPath);
    expect(Math.abs(loudness.integratedLufs - PODCAST_LOUDNESS.integratedLufs)).toBeLessThanOrEqual(PODCAST_LOUDNESS.toleranceLu);
    expect(loudness.truePeakDbtp).toBeLessThanOrEqual(PODCAST_LOUDNESS.truePeakDbtp);
    const mixed = await decodeMono(output, join(directory, 'bed-only-decoded.wav'), speech.sampleRate, ffmpegPath);
    const heard = locate(mixed, 0, encoded.narrationOffsetMs);
    expect(Math.abs(heard.offsetMs - 1500)).toBeLessThanOrEqual(50);
    // Bed fade-in, narration, bed fade-out.
    expect(encoded.durationMs).toBeCloseTo(1500 + speechMs() + 1500, -1);
  });

  it('loops the bed without a click where one pass meets the next', async () => {
    const silent = join(directory, 'silence.wav');
    await writeSilentWav(silent, 70_000);
    const [bedMeasured] = (await measureMixInputs(narration, [music.bed], ffmpegPath)).music;
    // Speech that is never heard: the bed is not ducked, so only the loop can change it.
    const measured: MixInputMeasurements = { narration: { integratedLufs: -20, samples: 70 * 16000, sampleRate: 16000 }, music: [bedMeasured!] };
    const plan = planMusicMix(silent, { bed: music.bed }, measured, PODCAST_LOUDNESS);
    const path = join(directory, 'bed-loop.wav');
    await renderMusicMix(plan, path, { format: 'wav', bitrateKbps: 128, limiterCeilingDb: -2.2, parts: ['bed'] }, ffmpegPath);
    const { left } = await readStereoFloatWav(path);
    // Energy of the second difference in 2 ms windows: a click stands far above the music's own.
    const step = 88;
    const roughness: number[] = [];
    for (let start = 2; start + step < left.length; start += step) {
      let sum = 0;
      for (let index = start; index < start + step; index += 1) sum += (left[index]! - 2 * left[index - 1]! + left[index - 2]!) ** 2;
      roughness.push(sum);
    }
    const median = [...roughness].sort((a, b) => a - b)[roughness.length >> 1]!;
    const bedStart = (plan.bed!.startMs / 1000) * RATE;
    const seams = [1, 2].map((pass) => bedStart + pass * plan.bed!.loopSamples);
    expect(seams.every((seam) => seam < left.length - RATE * 3)).toBe(true);
    for (const seam of seams) {
      const around = roughness.slice(Math.floor((seam - 0.02 * RATE) / step), Math.ceil((seam + 0.02 * RATE) / step));
      expect(10 * Math.log10(Math.max(...around) / median)).toBeLessThan(12);
    }
  });
});

describe('planMusicMix', () => {
  const measured = (introSamples?: number): MixInputMeasurements => ({
    narration: { integratedLufs: -20, samples: 16000 * 60, sampleRate: 16000 },
    music: [
      ...(introSamples ? [{ integratedLufs: -18, samples: introSamples }] : []),
      { integratedLufs: -24, samples: 30 * RATE + RATE / 2 },
      { integratedLufs: -18, samples: 5 * RATE },
    ],
  });

  it('places the narration over the intro’s last second, the outro after it, the bed under it', () => {
    const plan = planMusicMix('n.wav', { intro: 'i.mp3', bed: 'b.mp3', outro: 'o.mp3' }, measured(6 * RATE), PODCAST_LOUDNESS);
    expect(plan.narrationOffsetMs).toBe(5000);
    expect(plan.narration.startMs).toBe(5000);
    // Dual mono reads 3 dB louder than the mono narration: the gain allows for it.
    expect(plan.narration.gainDb).toBeCloseTo(-16 - (-20 + 3.0103), 3);
    expect(plan.outro!.startMs).toBe(65_000);
    expect(plan.totalSamples).toBe(70 * RATE);
    expect(plan.bed!.startMs).toBe(3000);
    expect(plan.bed!.samples).toBe(((65_000 + 2000 - 3000) / 1000) * RATE);
    expect(plan.bed!.loopSamples).toBe(30 * RATE);
    expect(plan.bed!.loopCrossfadeSamples).toBe(RATE / 2);
    // Unducked the bed sits 10 dB above its level under speech (what the ducker takes off).
    expect(plan.bed!.gainDb).toBeCloseTo(-16 + DEFAULT_BED_LEVEL_DB + 10 - -24, 6);
    expect(plan.intro!.fadeOutStartSample).toBe(5 * RATE);
  });

  it('follows the offset rule: intro minus min(1 s, a third of it); else the bed fade; else 0', () => {
    expect(narrationOffsetMs(6 * RATE, true, 2000)).toBe(5000);
    expect(narrationOffsetMs(2.4 * RATE, false, 2000)).toBe(1600);
    expect(narrationOffsetMs(undefined, true, 2000)).toBe(2000);
    expect(narrationOffsetMs(undefined, false, 2000)).toBe(0);
    const outroOnly = planMusicMix('n.wav', { outro: 'o.mp3' }, { ...measured(), music: [{ integratedLufs: -18, samples: 5 * RATE }] }, PODCAST_LOUDNESS);
    expect(outroOnly.narrationOffsetMs).toBe(0);
    expect(outroOnly.outro!.startMs).toBe(60_000);
  });

  it('refuses silent music', () => {
    expect(() =>
      planMusicMix('n.wav', { bed: 'b.mp3' }, { ...measured(), music: [{ integratedLufs: Number.NEGATIVE_INFINITY, samples: 30 * RATE }] }, PODCAST_LOUDNESS),
    ).toThrow(/silent/);
  });
});

describe('shiftTimedBlocks', () => {
  it('moves block, sentence and word times by the offset', () => {
    const blocks: TimedBlock[] = [
      { blockId: 'b0', startMs: 0, endMs: 1000, speechEndMs: 800, sentences: [{ index: 0, startMs: 0, endMs: 800, words: [{ word: 'Hi', startMs: 10, endMs: 200 }] }] },
    ];
    const [moved] = shiftTimedBlocks(blocks, 5000);
    expect(moved).toEqual({
      blockId: 'b0',
      startMs: 5000,
      endMs: 6000,
      speechEndMs: 5800,
      sentences: [{ index: 0, startMs: 5000, endMs: 5800, words: [{ word: 'Hi', startMs: 5010, endMs: 5200 }] }],
    });
    expect(blocks[0]!.startMs).toBe(0);
  });
});
