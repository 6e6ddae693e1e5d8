import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodedDurationMs, measureLoudness, resolveFfmpegPath } from '../../src/assemble/ffmpeg.js';
import { PODCAST_LOUDNESS } from '../../src/assemble/loudness.js';
import { assembleEpisode, ENCODER_LOSS_DB } from '../../src/assemble/assemble-episode.js';
import { recordingFfmpeg, scanMp3Frames, wavAsTimeline, writeFliteNarration, type Speech } from './helpers/audio-fixtures.js';

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
  it('encodes a short narration to a mono 64 kbps CBR MP3 at −16 LUFS encoding while the narration streams in, measuring it in the encoding run (encoding again, from the pieces, only on a miss), with no narration WAV', async () => {
    const durationMs = (speech.samples.length / speech.sampleRate) * 1000;
    expect(durationMs).toBeGreaterThan(15_000);
    expect(durationMs).toBeLessThan(40_000);
    const recorder = await recordingFfmpeg(directory, ffmpegPath);
    const output = join(directory, 'plain.mp3');
    const encoded = await assembleEpisode(await wavAsTimeline(narration), { wav: join(directory, 'timeline.wav'), mp3: output }, PODCAST_LOUDNESS, { bitrateKbps: 64, channels: 1 }, recorder.path);

    const frames = await scanMp3Frames(output);
    expect([...frames.bitratesKbps]).toEqual([64]);
    expect([...frames.sampleRates]).toEqual([44100]);
    expect([...frames.channelModes]).toEqual(['mono']);

    const loudness = await measureLoudness(output, ffmpegPath);
    expect(Math.abs(loudness.integratedLufs - PODCAST_LOUDNESS.integratedLufs)).toBeLessThanOrEqual(PODCAST_LOUDNESS.toleranceLu);
    expect(loudness.truePeakDbtp).toBeLessThanOrEqual(PODCAST_LOUDNESS.truePeakDbtp);
    // What the encoding run measured is the encoder's input: the MP3 reads the encoder's loss lower, give or take a little.
    expect(Math.abs(encoded.loudness.integratedLufs - ENCODER_LOSS_DB - loudness.integratedLufs)).toBeLessThanOrEqual(0.3);
    expect(Math.abs((encoded.loudness.durationMs ?? 0) - durationMs)).toBeLessThanOrEqual(50);
    expect(Math.abs((await decodedDurationMs(output, ffmpegPath)) - durationMs)).toBeLessThanOrEqual(50);

    const runs = await recorder.runs();
    expect(encoded.passes).toBeLessThanOrEqual(2);
    // Each encode reads the narration as it streams in (a correction streams it again from the pieces) and measures what it encodes: no WAV, no pass that reads the MP3 again.
    expect(runs.filter((line) => line.includes('-f s16le -ar'))).toHaveLength(encoded.passes);
    expect(runs.filter((line) => line.includes('ebur128=peak=true'))).toHaveLength(encoded.passes);
    expect(runs.filter((line) => line.includes(`-i ${output}`))).toHaveLength(0);
    await expect(stat(join(directory, 'timeline.wav'))).rejects.toThrow();
  });
});
