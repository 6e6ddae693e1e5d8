import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodedDurationMs, measureLoudness, resolveFfmpegPath } from '../../src/platform/ffmpeg.js';
import { PODCAST_LOUDNESS } from '../../src/assemble/loudness.js';
import { assembleEpisode } from '../../src/assemble/assemble-episode.js';
import { scanMp3Frames, wavAsTimeline, writeFliteNarration, type Speech } from './helpers/audio-fixtures.js';

const ffmpegPath = resolveFfmpegPath();
let directory: string;
let narration: string;
let speech: Speech;

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'briefing-loudness-'));
  narration = join(directory, 'narration.wav');
  speech = await writeFliteNarration(narration);
});

afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

describe('assembleEpisode without music', () => {
  it('encodes a short narration to a mono 64 kbps CBR MP3 at −16 LUFS in at most two passes while the narration streams in, with no narration WAV, reporting the loudness of the finished file', async () => {
    const durationMs = (speech.samples.length / speech.sampleRate) * 1000;
    expect(durationMs).toBeGreaterThan(15_000);
    expect(durationMs).toBeLessThan(40_000);
    const output = join(directory, 'plain.mp3');
    const encoded = await assembleEpisode(await wavAsTimeline(narration), { wav: join(directory, 'timeline.wav'), mp3: output }, PODCAST_LOUDNESS, { bitrateKbps: 64, channels: 1 }, ffmpegPath);

    const frames = await scanMp3Frames(output);
    expect([...frames.bitratesKbps]).toEqual([64]);
    expect([...frames.sampleRates]).toEqual([44100]);
    expect([...frames.channelModes]).toEqual(['mono']);

    const loudness = await measureLoudness(output, ffmpegPath);
    expect(Math.abs(loudness.integratedLufs - PODCAST_LOUDNESS.integratedLufs)).toBeLessThanOrEqual(PODCAST_LOUDNESS.toleranceLu);
    expect(loudness.truePeakDbtp).toBeLessThanOrEqual(PODCAST_LOUDNESS.truePeakDbtp);
    // Measured in the encoding run, on the encoder's input, less the encoder's loss: what the file itself measures, give or take a little.
    expect(Math.abs(encoded.loudness.integratedLufs - loudness.integratedLufs)).toBeLessThanOrEqual(0.3);
    expect(Math.abs((encoded.loudness.durationMs ?? 0) - durationMs)).toBeLessThanOrEqual(50);
    expect(Math.abs((await decodedDurationMs(output, ffmpegPath)) - durationMs)).toBeLessThanOrEqual(50);

    expect([1, 2]).toContain(encoded.passes);
    await expect(stat(join(directory, 'timeline.wav'))).rejects.toThrow();
  });
});
