import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LoudnessMeter } from '../../src/assemble/loudness-meter.js';
import { measureLoudness, resolveFfmpegPath } from '../../src/platform/ffmpeg.js';
import { decodeWav } from '../../src/platform/wav.js';
import { writeFliteNarration } from './helpers/audio-fixtures.js';

const run = promisify(execFile);
const ffmpegPath = resolveFfmpegPath();
let directory: string;

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'briefing-meter-'));
});

afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

/** Renders an ffmpeg `lavfi` source to a mono 16-bit WAV. */
async function generated(name: string, source: string, sampleRate: number): Promise<string> {
  const path = join(directory, `${name}.wav`);
  await run(ffmpegPath, ['-v', 'error', '-y', '-f', 'lavfi', '-i', source, '-ac', '1', '-ar', String(sampleRate), '-c:a', 'pcm_s16le', path]);
  return path;
}

/** Integrated loudness of a WAV file by the project's own streaming meter, fed in pieces of uneven length as synthesis hands them over. */
async function meterLoudness(path: string): Promise<number> {
  const pcm = decodeWav(await readFile(path), path);
  const meter = new LoudnessMeter(pcm.sampleRate);
  for (let offset = 0, samples = 1; offset < pcm.data.byteLength; offset += samples * 2, samples = ((samples * 7919) % 9000) + 1) {
    meter.push(pcm.data.subarray(offset, offset + samples * 2));
  }
  return meter.integrated();
}

describe('LoudnessMeter against ffmpeg’s ebur128 filter', () => {
  it.each([
    ['a 1 kHz tone at −38 dBFS, 48 kHz', 'tone-1k', 'sine=frequency=1000:sample_rate=48000:duration=8,volume=-20dB', 48000, 0.2],
    ['a 100 Hz tone (under the shelf), 44.1 kHz', 'tone-100', 'sine=frequency=100:sample_rate=44100:duration=8,volume=-12dB', 44100, 0.2],
    ['an 8 kHz tone (on the shelf), 44.1 kHz', 'tone-8k', 'sine=frequency=8000:sample_rate=44100:duration=8,volume=-18dB', 44100, 0.2],
    ['pink noise, 44.1 kHz', 'pink', 'anoisesrc=color=pink:amplitude=0.3:sample_rate=44100:duration=10:seed=11', 44100, 0.2],
    // ffmpeg meters a 48 kHz resampling; K-weighting made at 22.05 kHz bends near
    // the Nyquist frequency, where white noise has as much energy as anywhere.
    ['white noise, 22.05 kHz', 'white', 'anoisesrc=color=white:amplitude=0.2:sample_rate=22050:duration=10:seed=5', 22050, 0.4],
    // Loud and 40 dB quieter halves: the relative gate must leave the quiet ones out.
    ['a tone that drops 40 dB every other 2 s (gating), 48 kHz', 'gated', "aevalsrc='0.5*sin(2*PI*440*t)*if(lt(mod(t\\,4)\\,2)\\,1\\,0.01)':s=48000:d=12", 48000, 0.2],
  ] as const)('agrees on %s', async (_description, name, source, sampleRate, toleranceLu) => {
    const path = await generated(name, source, sampleRate);
    const reference = await measureLoudness(path, ffmpegPath);
    expect(Number.isFinite(reference.integratedLufs)).toBe(true);
    expect(Math.abs((await meterLoudness(path)) - reference.integratedLufs)).toBeLessThanOrEqual(toleranceLu);
  });

  it('agrees within 0.2 LU on speech with pauses (Flite, 16 kHz)', async () => {
    const path = join(directory, 'speech.wav');
    await writeFliteNarration(path);
    const reference = await measureLoudness(path, ffmpegPath);
    expect(Math.abs((await meterLoudness(path)) - reference.integratedLufs)).toBeLessThanOrEqual(0.2);
  });

  it('reads a full-scale 1 kHz sine as −3.01 LUFS, the BS.1770 calibration point', async () => {
    const path = await generated('calibration', 'aevalsrc=0.99999*sin(2*PI*1000*t):s=48000:d=5', 48000);
    expect(await meterLoudness(path)).toBeCloseTo(-3.01, 1);
  });

  it('gives −Infinity for silence and for less than one 400 ms block', async () => {
    const silent = new LoudnessMeter(48000);
    silent.pushSilence(48000 * 3);
    expect(silent.integrated()).toBe(Number.NEGATIVE_INFINITY);
    const short = new LoudnessMeter(48000);
    const tone = new Uint8Array(48000 * 0.3 * 2);
    const view = new DataView(tone.buffer);
    for (let index = 0; index < tone.byteLength / 2; index += 1) view.setInt16(index * 2, Math.round(16000 * Math.sin((2 * Math.PI * 1000 * index) / 48000)), true);
    short.push(tone);
    expect(short.integrated()).toBe(Number.NEGATIVE_INFINITY);
  });
});
