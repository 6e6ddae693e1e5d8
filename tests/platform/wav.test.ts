import { describe, expect, it } from 'vitest';
import { isBriefingError } from '../../src/errors.js';
import { decodeWav, encodeWav, isPcm16Mono, readWaveFile } from '../../src/platform/wav.js';

function pcm(samples: number[]): Uint8Array {
  const bytes = new Uint8Array(samples.length * 2);
  const view = new DataView(bytes.buffer);
  samples.forEach((sample, index) => view.setInt16(index * 2, sample, true));
  return bytes;
}

/** A WAV whose header says `channels` and `bits`, with `data` as its data chunk. */
function wavWith(channels: number, bits: number, data: Uint8Array, formatTag = 1): Uint8Array {
  const file = encodeWav({ sampleRate: 8000, data });
  const view = new DataView(file.buffer);
  view.setUint16(20, formatTag, true);
  view.setUint16(22, channels, true);
  view.setUint16(34, bits, true);
  return file;
}

function failure(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a failure');
}

describe('WAV', () => {
  it('reads back what it writes', () => {
    const data = pcm([0, 1000, -1000, 32767, -32768]);
    const decoded = decodeWav(encodeWav({ sampleRate: 22050, data }), 'piece');
    expect(decoded.sampleRate).toBe(22050);
    expect([...decoded.data]).toEqual([...data]);
    const wave = readWaveFile(encodeWav({ sampleRate: 22050, data }))!;
    expect(isPcm16Mono(wave)).toBe(true);
  });

  it('reads a streamed WAV whose data size was never filled in, to the end of the file', () => {
    const file = encodeWav({ sampleRate: 16000, data: pcm([1, 2, 3, 4]) });
    new DataView(file.buffer).setUint32(40, 0xffffffff, true);
    expect(decodeWav(file, 'stream').data.byteLength).toBe(8);
  });

  it.each([
    ['text', new TextEncoder().encode('<html>Service Unavailable</html>'), /piece: audio is not a WAV file/],
    ['stereo', wavWith(2, 16, pcm([1, 2])), /piece: WAV is 16-bit with 2 channels, expected 16-bit mono/],
    ['8-bit', wavWith(1, 8, pcm([1, 2])), /piece: WAV is 8-bit with 1 channels/],
    ['floating point', wavWith(1, 32, pcm([1, 2]), 3), /piece: WAV is not PCM \(format 3\)/],
    ['no data chunk', encodeWav({ sampleRate: 8000, data: new Uint8Array(0) }).subarray(0, 36), /piece: WAV has no data chunk/],
  ])('rejects %s with ENGINE_REQUEST_FAILED naming the piece', (_name, bytes, message) => {
    const error = failure(() => decodeWav(bytes, 'piece'));
    expect(isBriefingError(error, 'ENGINE_REQUEST_FAILED')).toBe(true);
    expect(error.message).toMatch(message);
  });
});
