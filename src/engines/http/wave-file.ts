import { BriefingError } from '../../errors.js';
import { isPcm16Mono, readWaveFile } from '../../platform/wav.js';
import type { SynthesizedAudio } from '../speech-engine.js';

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
