import { describe, expect, it } from 'vitest';
import { isRetryableStatus, networkFailureError, requestFailedError } from '../../../src/engines/kit/engine-errors.js';
import { redactSecrets } from '../../../src/engines/kit/redact.js';
import { parseDurationSeconds, parseRetryAfter, parseRetryAfterMs } from '../../../src/platform/retry-after.js';
import { audioFromWaveFile } from '../../../src/engines/http/wave-file.js';
import { readWaveFile } from '../../../src/platform/wav.js';
import { sinePcm16, wavFile } from '../../helpers/test-audio.js';

describe('Retry-After', () => {
  const now = Date.parse('2026-03-01T12:00:00Z');
  it('reads seconds and HTTP-dates', () => {
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('Sun, 01 Mar 2026 12:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Sun, 01 Mar 2026 11:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfterMs('1500')).toBe(1500);
    expect(parseDurationSeconds('2.5s')).toBe(2500);
    expect(parseDurationSeconds(3)).toBeUndefined();
  });
});

describe('error classification', () => {
  it('retries 408, 429 and 5xx only', () => {
    expect([400, 401, 403, 404, 408, 429, 500, 502, 503].map(isRetryableStatus)).toEqual([false, false, false, false, true, true, true, true, true]);
  });

  it('keeps retryAfterMs on retryable errors only and one line messages', () => {
    const throttled = requestFailedError('x', { status: 429, message: 'slow\ndown', retryAfterMs: 5000 }, []);
    expect(throttled).toMatchObject({ code: 'ENGINE_REQUEST_FAILED', retryable: true, retryAfterMs: 5000, message: 'x: slow down (HTTP 429)' });
    expect(requestFailedError('x', { status: 400, message: 'no', retryAfterMs: 5000 }, []).retryAfterMs).toBeUndefined();
  });

  it('treats resets and refused connections as retryable and aborts as ABORTED', () => {
    const reset = Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }) });
    expect(networkFailureError('x', reset, undefined, [])).toMatchObject({ code: 'ENGINE_REQUEST_FAILED', retryable: true });
    const controller = new AbortController();
    controller.abort();
    expect(networkFailureError('x', reset, controller.signal, []).code).toBe('ABORTED');
    const certificate = Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('bad cert'), { code: 'CERT_HAS_EXPIRED' }) });
    expect(networkFailureError('x', certificate, undefined, []).retryable).toBe(false);
  });

  it('redacts secrets', () => {
    expect(redactSecrets('key sk-123456 was rejected; sk-123456 again', ['sk-123456', undefined, 'ab'])).toBe('key [redacted] was rejected; [redacted] again');
  });
});

describe('WAV reading', () => {
  it('strips the header of 16-bit mono WAV, skipping extra chunks', () => {
    const pcm = sinePcm16(100, 16000);
    const plain = wavFile(pcm, 16000);
    const list = Buffer.from('LIST\x04\x00\x00\x00abcd', 'latin1');
    const withList = Buffer.concat([Buffer.from(plain.subarray(0, 36)), list, Buffer.from(plain.subarray(36))]);
    for (const file of [plain, new Uint8Array(withList)]) {
      const audio = audioFromWaveFile(file);
      expect(audio).toMatchObject({ format: 'pcm16', sampleRate: 16000 });
      if (audio.format === 'pcm16') expect(Buffer.from(audio.data).equals(Buffer.from(pcm))).toBe(true);
    }
  });
  it('keeps stereo WAV as an encoded file and rejects non-WAV bytes', () => {
    expect(audioFromWaveFile(wavFile(sinePcm16(50, 8000), 8000, 2))).toMatchObject({ format: 'encoded', container: 'wav' });
    expect(readWaveFile(new Uint8Array([1, 2, 3]))).toBeUndefined();
  });
});
