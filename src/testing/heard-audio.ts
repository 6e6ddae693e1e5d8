import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeToWav, resolveFfmpegPath } from '../platform/ffmpeg.js';
import { decodeWav, pcmDurationMs } from '../platform/wav.js';
import type { SynthesizedAudio } from '../engines/speech-engine.js';

/** What a listener would get from an engine's audio. */
export interface HeardAudio {
  /** The sample rate the audio states (the PCM rate, or the WAV header's). */
  sampleRate: number;
  durationMs: number;
  /** Largest absolute sample value, 0–32768: 0 means silence. */
  peak: number;
}

/** Rate an encoded file other than WAV is decoded at for measuring. */
const MEASURING_RATE = 16_000;

/**
 * Decodes audio as the pipeline would: raw PCM as stated, a WAV by its
 * header, anything else through ffmpeg. Throws when it does not decode.
 */
export async function hearAudio(audio: SynthesizedAudio, label: string): Promise<HeardAudio> {
  if (audio.format === 'pcm16') {
    if (audio.data.byteLength % 2 !== 0) throw new Error(`${label}: pcm16 audio has an odd number of bytes`);
    return measure(audio.sampleRate, audio.data);
  }
  if (audio.container.toLowerCase() === 'wav') {
    const pcm = decodeWav(audio.data, label);
    return measure(pcm.sampleRate, pcm.data);
  }
  const folder = await mkdtemp(join(tmpdir(), 'briefing-conformance-'));
  try {
    const input = join(folder, `audio.${audio.container}`);
    const output = join(folder, 'audio.wav');
    await writeFile(input, audio.data);
    await decodeToWav(input, output, MEASURING_RATE, resolveFfmpegPath());
    const pcm = decodeWav(new Uint8Array(await readFile(output)), label);
    return measure(pcm.sampleRate, pcm.data);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

function measure(sampleRate: number, data: Uint8Array): HeardAudio {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  let peak = 0;
  for (let offset = 0; offset + 1 < data.byteLength; offset += 2) peak = Math.max(peak, Math.abs(view.getInt16(offset, true)));
  return { sampleRate, durationMs: sampleRate > 0 ? pcmDurationMs(data.byteLength, sampleRate) : 0, peak };
}
