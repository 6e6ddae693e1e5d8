import { BriefingError } from '../errors.js';

/** Mono 16-bit PCM decoded from a WAV file. */
export interface Pcm16 {
  sampleRate: number;
  /** Little-endian signed 16-bit samples, mono. */
  data: Uint8Array;
}

/** The PCM content of a RIFF/WAVE file. */
export interface WaveContent {
  sampleRate: number;
  channels: number;
  bitsPerSample: number;
  /** WAVE format tag: 1 for integer PCM, 0xFFFE for WAVE_FORMAT_EXTENSIBLE. */
  formatTag: number;
  /** The bytes of the `data` chunk. */
  data: Uint8Array;
}

/** True when `bytes` starts with a RIFF/WAVE header. */
export function isWaveFile(bytes: Uint8Array): boolean {
  return bytes.length >= 12 && ascii(bytes, 0) === 'RIFF' && ascii(bytes, 8) === 'WAVE';
}

/**
 * Reads a RIFF/WAVE file, walking its chunks (so `LIST` or `fact` chunks
 * before `data` are skipped). Returns `undefined` when `bytes` is not a
 * WAVE file or has no `fmt ` chunk before its `data` chunk. A `data` size
 * of 0, 0xFFFFFFFF or past the end (what streaming writers leave) means
 * "to the end of the file".
 */
export function readWaveFile(bytes: Uint8Array): WaveContent | undefined {
  if (!isWaveFile(bytes)) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = 12;
  let format: Omit<WaveContent, 'data'> | undefined;
  while (offset + 8 <= bytes.length) {
    const id = ascii(bytes, offset);
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

/** True when a WAVE file holds 16-bit integer mono PCM. */
export function isPcm16Mono(wave: WaveContent): boolean {
  return isIntegerPcm(wave) && wave.channels === 1 && wave.bitsPerSample === 16;
}

function isIntegerPcm(wave: WaveContent): boolean {
  return wave.formatTag === 1 || wave.formatTag === 0xfffe;
}

function ascii(bytes: Uint8Array, offset: number): string {
  return String.fromCharCode(...bytes.subarray(offset, offset + 4));
}

/**
 * Reads a PCM WAV (RIFF/WAVE, format 1, 16-bit, mono) that an engine
 * produced. Multi-channel input is rejected: every engine the project
 * drives produces mono.
 *
 * @throws BriefingError `ENGINE_REQUEST_FAILED` naming `label` when the bytes
 *   are not such a file
 */
export function decodeWav(bytes: Uint8Array, label: string): Pcm16 {
  if (!isWaveFile(bytes)) throw new BriefingError('ENGINE_REQUEST_FAILED', `${label}: audio is not a WAV file`);
  const wave = readWaveFile(bytes);
  if (!wave) throw new BriefingError('ENGINE_REQUEST_FAILED', `${label}: WAV has no data chunk`);
  if (!isIntegerPcm(wave)) throw new BriefingError('ENGINE_REQUEST_FAILED', `${label}: WAV is not PCM (format ${wave.formatTag})`);
  if (!isPcm16Mono(wave)) {
    throw new BriefingError('ENGINE_REQUEST_FAILED', `${label}: WAV is ${wave.bitsPerSample}-bit with ${wave.channels} channels, expected 16-bit mono`);
  }
  return { sampleRate: wave.sampleRate, data: wave.data.subarray(0, wave.data.byteLength - (wave.data.byteLength % 2)) };
}

/** A 44-byte WAV header for mono 16-bit PCM of `dataBytes` bytes. */
export function wavHeader(sampleRate: number, dataBytes: number): Uint8Array {
  const header = new Uint8Array(44);
  const view = new DataView(header.buffer);
  const write = (offset: number, text: string) => {
    for (let i = 0; i < text.length; i += 1) header[offset + i] = text.charCodeAt(i);
  };
  write(0, 'RIFF');
  view.setUint32(4, 36 + dataBytes, true);
  write(8, 'WAVE');
  write(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true);
  view.setUint16(22, 1, true);
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * 2, true);
  view.setUint16(32, 2, true);
  view.setUint16(34, 16, true);
  write(36, 'data');
  view.setUint32(40, dataBytes, true);
  return header;
}

/** Encodes mono 16-bit PCM as a WAV file. */
export function encodeWav(pcm: Pcm16): Uint8Array {
  const out = new Uint8Array(44 + pcm.data.byteLength);
  out.set(wavHeader(pcm.sampleRate, pcm.data.byteLength), 0);
  out.set(pcm.data, 44);
  return out;
}

/** Duration of 16-bit mono PCM in milliseconds. */
export function pcmDurationMs(byteLength: number, sampleRate: number): number {
  return (byteLength / 2 / sampleRate) * 1000;
}
