/**
 * Audio made and inspected by the assemble tests: real speech from the
 * embedded Flite engine, long narrations built by repeating it, WAV and MP3
 * readers.
 */
import { createWriteStream } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import { join } from 'node:path';
import { createFliteEngine } from '../../../src/engines/flite/flite-engine.js';
import { decodeWav, encodeWav, wavHeader } from '../../../src/platform/wav.js';
import { decodeToWav } from '../../../src/platform/ffmpeg.js';

/** A few sentences of a news briefing, with pauses between them as the pipeline makes. */
export const BRIEFING_SENTENCES = [
  'Good morning. Here is your briefing for Monday, the third of June.',
  'The city council approved the new bridge on Sunday night, after a close vote.',
  'Work will start in the spring and should take about two years.',
  'The mayor said the project would bring hundreds of jobs to the area.',
  'Opponents say the money would be better spent on buses and schools.',
  'A final decision on the budget is expected later this month.',
];

/** Mono 16-bit PCM with its rate. */
export interface Speech {
  sampleRate: number;
  /** Samples, −1…1. */
  samples: Float32Array;
}

/** Synthesizes `sentences` with Flite (voice slt) into a mono WAV, `pauseMs` of silence after each. */
export async function writeFliteNarration(path: string, sentences: readonly string[] = BRIEFING_SENTENCES, pauseMs = 700): Promise<Speech> {
  const engine = await createFliteEngine({ options: {} });
  const parts: Uint8Array[] = [];
  let sampleRate = 0;
  for (const text of sentences) {
    const result = await engine.synthesize({ input: text, inputType: 'text', voice: 'slt', language: 'en' });
    if (result.audio.format !== 'pcm16') throw new Error('flite: expected PCM');
    sampleRate = result.audio.sampleRate;
    parts.push(result.audio.data, new Uint8Array(Math.round((pauseMs / 1000) * sampleRate) * 2));
  }
  const data = new Uint8Array(parts.reduce((sum, part) => sum + part.byteLength, 0));
  let offset = 0;
  for (const part of parts) {
    data.set(part, offset);
    offset += part.byteLength;
  }
  await writeFile(path, encodeWav({ sampleRate, data }));
  return { sampleRate, samples: pcm16ToFloat(data) };
}

/** Writes a mono WAV that plays `source` `times` times over, streamed (a long narration for the price of a short one). */
export async function writeRepeatedWav(source: string, target: string, times: number): Promise<{ durationMs: number }> {
  const pcm = decodeWav(await readFile(source), source);
  const output = createWriteStream(target);
  const write = async (chunk: Uint8Array) => {
    if (!output.write(chunk)) await once(output, 'drain');
  };
  await write(wavHeader(pcm.sampleRate, pcm.data.byteLength * times));
  for (let index = 0; index < times; index += 1) await write(pcm.data);
  output.end();
  await once(output, 'close');
  return { durationMs: ((pcm.data.byteLength / 2) * times * 1000) / pcm.sampleRate };
}

/** Writes `ms` of digital silence as a mono 16-bit WAV. */
export async function writeSilentWav(path: string, ms: number, sampleRate = 16000): Promise<void> {
  await writeFile(path, encodeWav({ sampleRate, data: new Uint8Array(Math.round((ms / 1000) * sampleRate) * 2) }));
}

function pcm16ToFloat(data: Uint8Array): Float32Array {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const samples = new Float32Array(data.byteLength / 2);
  for (let index = 0; index < samples.length; index += 1) samples[index] = view.getInt16(index * 2, true) / 32768;
  return samples;
}

/** Reads a mono 16-bit WAV. */
export async function readMonoWav(path: string): Promise<Speech> {
  const pcm = decodeWav(await readFile(path), path);
  return { sampleRate: pcm.sampleRate, samples: pcm16ToFloat(pcm.data) };
}

/** Decodes any audio (an MP3) to mono at `sampleRate` through the project's own ffmpeg module. */
export async function decodeMono(path: string, scratch: string, sampleRate: number, ffmpegPath: string): Promise<Speech> {
  await decodeToWav(path, scratch, sampleRate, ffmpegPath);
  return readMonoWav(scratch);
}

/** Reads a 32-bit float stereo WAV (as the mix renders stems) into its two channels. */
export async function readStereoFloatWav(path: string): Promise<{ left: Float32Array; right: Float32Array; sampleRate: number }> {
  const bytes = await readFile(path);
  let offset = 12;
  let sampleRate = 0;
  while (offset + 8 <= bytes.length) {
    const id = bytes.toString('ascii', offset, offset + 4);
    const size = bytes.readUInt32LE(offset + 4);
    if (id === 'fmt ') {
      if (bytes.readUInt16LE(offset + 10) !== 2 || bytes.readUInt16LE(offset + 22) !== 32) throw new Error(`${path}: not 32-bit stereo`);
      sampleRate = bytes.readUInt32LE(offset + 12);
    }
    if (id === 'data') {
      const frames = Math.floor(Math.min(size, bytes.length - offset - 8) / 8);
      const left = new Float32Array(frames);
      const right = new Float32Array(frames);
      for (let index = 0; index < frames; index += 1) {
        left[index] = bytes.readFloatLE(offset + 8 + index * 8);
        right[index] = bytes.readFloatLE(offset + 12 + index * 8);
      }
      return { left, right, sampleRate };
    }
    offset += 8 + size + (size % 2);
  }
  throw new Error(`${path}: no data chunk`);
}

/** Mean square of both channels over [start, end) samples, in dB. */
export function windowPowerDb(channels: { left: Float32Array; right: Float32Array }, start: number, end: number): number {
  let sum = 0;
  for (let index = start; index < end; index += 1) sum += channels.left[index]! ** 2 + channels.right[index]! ** 2;
  return 10 * Math.log10(sum / (2 * Math.max(1, end - start)) + 1e-20);
}

/** What the MPEG audio frames of an MP3 say: every frame's bitrate and channel mode, and the sample rate. */
export interface Mp3Frames {
  frames: number;
  bitratesKbps: Set<number>;
  sampleRates: Set<number>;
  /** `mono` or `stereo` (stereo, joint stereo and dual channel). */
  channelModes: Set<'mono' | 'stereo'>;
}

const MPEG1_LAYER3_KBPS = [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320];
const MPEG1_RATES = [44100, 48000, 32000];

/** Walks the frames of an MPEG-1 Layer III file (after its ID3v2 tag). */
export async function scanMp3Frames(path: string): Promise<Mp3Frames> {
  const bytes = await readFile(path);
  let offset = 0;
  if (bytes.toString('ascii', 0, 3) === 'ID3') {
    offset = 10 + ((bytes[6]! << 21) | (bytes[7]! << 14) | (bytes[8]! << 7) | bytes[9]!);
  }
  const result: Mp3Frames = { frames: 0, bitratesKbps: new Set(), sampleRates: new Set(), channelModes: new Set() };
  while (offset + 4 <= bytes.length) {
    const header = bytes.readUInt32BE(offset);
    if ((header & 0xffe00000) >>> 0 !== 0xffe00000) break;
    const version = (header >>> 19) & 3;
    const layer = (header >>> 17) & 3;
    if (version !== 3 || layer !== 1) throw new Error(`${path}: frame at ${offset} is not MPEG-1 Layer III`);
    const kbps = MPEG1_LAYER3_KBPS[(header >>> 12) & 15]!;
    const rate = MPEG1_RATES[(header >>> 10) & 3]!;
    const padding = (header >>> 9) & 1;
    result.frames += 1;
    result.bitratesKbps.add(kbps);
    result.sampleRates.add(rate);
    result.channelModes.add(((header >>> 6) & 3) === 3 ? 'mono' : 'stereo');
    offset += Math.floor((144000 * kbps) / rate) + padding;
  }
  if (bytes.length - offset > 128) throw new Error(`${path}: ${bytes.length - offset} bytes after the last frame`);
  return result;
}

/**
 * Where `template` (taken from the narration) best matches `signal`, searched
 * over `[from, to]`: the lag and its normalized correlation.
 */
export function bestMatch(signal: Float32Array, template: Float32Array, from: number, to: number): { lag: number; correlation: number } {
  let templateEnergy = 0;
  for (const value of template) templateEnergy += value * value;
  let best = { lag: from, correlation: -1 };
  for (let lag = Math.max(0, from); lag <= to && lag + template.length <= signal.length; lag += 1) {
    let dot = 0;
    let energy = 0;
    for (let index = 0; index < template.length; index += 1) {
      const value = signal[lag + index]!;
      dot += value * template[index]!;
      energy += value * value;
    }
    const correlation = dot / Math.sqrt(templateEnergy * energy + 1e-20);
    if (correlation > best.correlation) best = { lag, correlation };
  }
  return best;
}

/** The index of the first sample louder than `threshold`. */
export function firstSound(samples: Float32Array, threshold = 0.02): number {
  return samples.findIndex((value) => Math.abs(value) > threshold);
}

/** A narration WAV (44-byte header) as the one block of a timeline, the way synthesis hands pieces to assembly. */
export async function wavAsTimeline(path: string): Promise<import('../../../src/assemble/timeline.js').TimelineBlock[]> {
  const header = (await readFile(path)).subarray(0, 44);
  return [
    {
      blockId: 's0-b0',
      pieces: [
        {
          kind: 'audio',
          path,
          sampleRate: header.readUInt32LE(24),
          dataBytes: header.readUInt32LE(40),
          sentences: [0],
          sentenceWeights: [1],
        },
      ],
    },
  ];
}
