import { BriefingError } from '../errors.js';

/** Mono 16-bit PCM decoded from a WAV file. */
export interface Pcm16 {
  sampleRate: number;
  /** Little-endian signed 16-bit samples, mono. */
  data: Uint8Array;
}

/**
 * Reads a canonical PCM WAV (RIFF/WAVE, format 1, 16-bit). Multi-channel
 * input is rejected: every engine the project drives produces mono.
 */
export function decodeWav(bytes: Uint8Array, label: string): Pcm16 {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const ascii = (offset: number) => String.fromCharCode(...bytes.subarray(offset, offset + 4));
  if (bytes.byteLength < 12 || ascii(0) !== 'RIFF' || ascii(8) !== 'WAVE') {
    throw new BriefingError('ENGINE_REQUEST_FAILED', `${label}: audio is not a WAV file`);
  }
  let offset = 12;
  let sampleRate = 0;
  let channels = 0;
  let bits = 0;
  let format = 0;
  while (offset + 8 <= bytes.byteLength) {
    const id = ascii(offset);
    let size = view.getUint32(offset + 4, true);
    const body = offset + 8;
    if (id === 'fmt ') {
      format = view.getUint16(body, true);
      channels = view.getUint16(body + 2, true);
      sampleRate = view.getUint32(body + 4, true);
      bits = view.getUint16(body + 14, true);
    } else if (id === 'data') {
      // Streaming writers leave the size as 0 or 0xFFFFFFFF: take what is there.
      if (size === 0 || size === 0xffffffff || body + size > bytes.byteLength) size = bytes.byteLength - body;
      if (format !== 1 && format !== 0xfffe) {
        throw new BriefingError('ENGINE_REQUEST_FAILED', `${label}: WAV is not PCM (format ${format})`);
      }
      if (bits !== 16 || channels !== 1) {
        throw new BriefingError('ENGINE_REQUEST_FAILED', `${label}: WAV is ${bits}-bit with ${channels} channels, expected 16-bit mono`);
      }
      return { sampleRate, data: bytes.subarray(body, body + (size - (size % 2))) };
    }
    offset = body + size + (size % 2);
  }
  throw new BriefingError('ENGINE_REQUEST_FAILED', `${label}: WAV has no data chunk`);
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
