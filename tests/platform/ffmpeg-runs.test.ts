import { chmod, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeMp3, measureEncodedLoudness, resolveFfmpegPath, startMp3Encoder } from '../../src/platform/ffmpeg.js';
import { sinePcm16, wavFile } from '../helpers/test-audio.js';

const SETTINGS = { gainDb: 0, limiterCeilingDb: -2, bitrateKbps: 64, channels: 1 } as const;

describe.skipIf(process.platform === 'win32')('the ffmpeg processes a build starts', () => {
  let folder: string;
  let ffmpeg: string;
  let log: string;

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'briefing-ffmpeg-runs-'));
    log = join(folder, 'runs.log');
    ffmpeg = join(folder, 'ffmpeg');
    // A real ffmpeg behind a script that notes the arguments of every run.
    await writeFile(ffmpeg, `#!/bin/sh\necho "$*" >> '${log}'\nexec '${resolveFfmpegPath()}' "$@"\n`);
    await chmod(ffmpeg, 0o755);
  });
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('are the encodes and the meter themselves: no run to list formats or encoders before the first one', async () => {
    const sampleRate = 22050;
    const pcm = sinePcm16(1500, sampleRate);
    const wav = join(folder, 'tone.wav');
    await writeFile(wav, wavFile(pcm, sampleRate));
    await encodeMp3(wav, join(folder, 'file.mp3'), SETTINGS, ffmpeg);
    const streaming = startMp3Encoder(join(folder, 'stream.mp3'), SETTINGS, sampleRate, ffmpeg);
    await streaming.write(pcm);
    const loudness = await streaming.finish();

    expect(Number.isFinite(loudness.integratedLufs)).toBe(true);
    expect((await stat(join(folder, 'file.mp3'))).size).toBeGreaterThan(1000);
    expect((await stat(join(folder, 'stream.mp3'))).size).toBeGreaterThan(1000);
    const runs = (await readFile(log, 'utf8')).trim().split('\n');
    // The file encode, then the streamed encode and its meter, which runs beside it in a process of its own.
    expect(runs).toHaveLength(3);
    expect(runs.filter((run) => run.includes('libmp3lame'))).toHaveLength(2);
    expect(runs.filter((run) => run.includes('ebur128=peak=true'))).toHaveLength(1);
    expect(runs.some((run) => /-formats|-encoders/.test(run))).toBe(false);
  });

  it('measure a file as the streaming encoder measures what it encodes, in one run that encodes nothing', async () => {
    const sampleRate = 16000;
    // A quiet tone that the gain lifts, then a loud one that the limiter holds: both shape what is measured.
    const pcm = Buffer.concat([sinePcm16(1500, sampleRate, 440, 0.3), sinePcm16(500, sampleRate, 440, 0.95)]);
    const wav = join(folder, 'loud.wav');
    await writeFile(wav, wavFile(pcm, sampleRate));
    const settings = { ...SETTINGS, gainDb: 4, limiterCeilingDb: -3 };
    const streaming = startMp3Encoder(join(folder, 'loud.mp3'), settings, sampleRate, resolveFfmpegPath());
    await streaming.write(pcm);
    const streamed = await streaming.finish();
    const before = (await readFile(log, 'utf8')).trim().split('\n').length;

    const measured = await measureEncodedLoudness(wav, settings, ffmpeg);

    expect(measured.integratedLufs).toBe(streamed.integratedLufs);
    expect(measured.truePeakDbtp).toBe(streamed.truePeakDbtp);
    // The limiter held the loud tone near its ceiling (4 dB of gain on it would give +3.5 dBTP).
    expect(measured.truePeakDbtp).toBeLessThan(-2);
    const runs = (await readFile(log, 'utf8')).trim().split('\n').slice(before);
    expect(runs).toHaveLength(1);
    expect(runs[0]).toContain('ebur128=peak=true');
    expect(runs[0]).not.toContain('libmp3lame');
  });
});
