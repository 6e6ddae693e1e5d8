import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { measureLoudness, resolveFfmpegPath } from '../../src/platform/ffmpeg.js';
import { PODCAST_LOUDNESS } from '../../src/assemble/loudness.js';
import { assembleEpisode } from '../../src/assemble/assemble-episode.js';
import { scanMp3Frames, wavAsTimeline, writeFliteNarration, writeRepeatedWav } from './helpers/audio-fixtures.js';

const ffmpegPath = resolveFfmpegPath();
const TWENTY_MINUTES_MS = 20 * 60_000;
let directory: string;
let narration: string;
let durationMs: number;

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'briefing-loudness-long-'));
  const short = join(directory, 'short.wav');
  const speech = await writeFliteNarration(short);
  narration = join(directory, 'narration.wav');
  const times = Math.ceil(TWENTY_MINUTES_MS / ((speech.samples.length / speech.sampleRate) * 1000));
  ({ durationMs } = await writeRepeatedWav(short, narration, times));
});

afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

describe('assembleEpisode on a 20-minute narration, without music', () => {
  it('lands at −16 LUFS ±1, true peak ≤ −1 dBTP, mono 64 kbps, in at most two passes while the narration streams in, with no narration WAV, reporting the loudness of the finished file', async () => {
    expect(durationMs).toBeGreaterThanOrEqual(TWENTY_MINUTES_MS);
    const output = join(directory, 'long.mp3');
    const encoded = await assembleEpisode(await wavAsTimeline(narration), { wav: join(directory, 'timeline.wav'), mp3: output }, PODCAST_LOUDNESS, { bitrateKbps: 64, channels: 1 }, ffmpegPath);
    expect(Math.abs(encoded.loudness.integratedLufs - PODCAST_LOUDNESS.integratedLufs)).toBeLessThanOrEqual(PODCAST_LOUDNESS.toleranceLu);
    expect(encoded.loudness.truePeakDbtp).toBeLessThanOrEqual(PODCAST_LOUDNESS.truePeakDbtp);
    expect([1, 2]).toContain(encoded.passes);
    await expect(stat(join(directory, 'timeline.wav'))).rejects.toThrow();
    const measured = await measureLoudness(output, ffmpegPath);
    expect(Math.abs(measured.integratedLufs - PODCAST_LOUDNESS.integratedLufs)).toBeLessThanOrEqual(PODCAST_LOUDNESS.toleranceLu);
    expect(measured.truePeakDbtp).toBeLessThanOrEqual(PODCAST_LOUDNESS.truePeakDbtp);
    expect(Math.abs(encoded.loudness.integratedLufs - measured.integratedLufs)).toBeLessThanOrEqual(0.3);
    const frames = await scanMp3Frames(output);
    expect([...frames.bitratesKbps]).toEqual([64]);
    expect([...frames.channelModes]).toEqual(['mono']);
    expect(Math.abs(frames.frames * 1152 * 1000 / 44100 - durationMs)).toBeLessThan(100);
  });
});
