import { BriefingError } from '../../errors.js';
import type { SynthesizedAudio } from '../speech-engine.js';

/** The PCM content of a RIFF/WAVE file. */
export interface WaveContent {
  sampleRate: number;
  channels: number;
  bitsPerSample: number;
  /** WAVE format tag: 1 for integer PCM. */
  formatTag: number;
  /** The bytes of the `data` chunk. */
  data: Uint8Array;
}

/** True when `bytes` starts with a RIFF/WAVE header. */
export function isWaveFile(bytes: Uint8Array): boolean {
  return bytes.length >= 12 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WAVE';
}

/**
 * Reads a RIFF/WAVE file, walking its chunks (so `LIST` or `fact` chunks before
 * `data` are skipped). Returns `undefined` when `bytes` is not a readable WAVE file.
 * A `data` size of 0 or past the end (streamed WAVs) means "to the end of the file".
 */
export function readWaveFile(bytes: Uint8Array): WaveContent | undefined {
  if (!isWaveFile(bytes)) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = 12;
  let format: Omit<WaveContent, 'data'> | undefined;
  while (offset + 8 <= bytes.length) {
    const id = ascii(bytes, offset, 4);
    const size = view.getUint32(offset + 4, true);
    const start = offset + 8;
    if (id === 'fmt ' && start + 16 <= bytes.length) {
      format = {
        formatTag: view.getUint16(start, true),
        channels: view.getUint16(start + 2, true),
        sampleRate: view.getUint32(start + 4, true),
        bitsPerSample: view.getUint16(start + 14, true),
      };
    } else if (id === 'data') {
      if (!format) return undefined;
      const end = size === 0 || start + size > bytes.length ? bytes.length : start + size;
      return { ...format, data: bytes.subarray(start, end) };
    }
    offset = start + size + (size % 2);
  }
  return undefined;
}

/** True when a WAVE file holds what the pipeline calls `pcm16`: 16-bit integer mono PCM. */
export function isPcm16Mono(wave: WaveContent): boolean {
  return (wave.formatTag === 1 || wave.formatTag === 0xfffe) && wave.channels === 1 && wave.bitsPerSample === 16;
}

function ascii(bytes: Uint8Array, offset: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(offset, offset + length));
}

/**
 * Audio for a `SynthesisResult` from a WAVE file: raw `pcm16` when the file is
 * 16-bit mono PCM, otherwise the file itself as `encoded` WAV for ffmpeg.
 */
export function audioFromWaveFile(bytes: Uint8Array): SynthesizedAudio {
  const wave = readWaveFile(bytes);
  if (wave && isPcm16Mono(wave)) return { format: 'pcm16', sampleRate: wave.sampleRate, data: wave.data };
  return { format: 'encoded', container: 'wav', data: bytes };
}

/**
 * Like {@link audioFromWaveFile}, but rejects an answer that is not a WAVE file
 * with a final `ENGINE_REQUEST_FAILED` (a proxy's HTML page, an empty body).
 */
export function requireWaveAudio(engine: string, bytes: Uint8Array): SynthesizedAudio {
  if (!readWaveFile(bytes)) {
    throw new BriefingError('ENGINE_REQUEST_FAILED', `${engine}: the answer is not a WAV file (${bytes.length} bytes)`);
  }
  return audioFromWaveFile(bytes);
}
