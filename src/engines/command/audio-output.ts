import { BriefingError } from '../../errors.js';
import type { SynthesizedAudio } from '../speech-engine.js';
import { isWaveFile } from '../../platform/wav.js';
import { audioFromWaveFile } from '../http/wave-file.js';

/** Output formats the `format` option names. */
export const OUTPUT_FORMATS = ['wav', 'mp3', 'raw'] as const;

/** One of {@link OUTPUT_FORMATS}. */
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/**
 * Turns what a program wrote into audio. With a `format`, trusts it (`raw`
 * is 16-bit little-endian mono PCM at `sampleRate`); without one, sniffs the
 * bytes: `RIFF…WAVE` is WAV, `ID3` is MP3, `OggS` is Ogg; then anything is raw
 * PCM when `sampleRate` is set, and an MPEG frame sync is MP3 when it is not.
 */
export function audioFromProgramOutput(
  bytes: Uint8Array,
  format: OutputFormat | undefined,
  sampleRate: number | undefined,
): SynthesizedAudio {
  if (bytes.length === 0) throw new BriefingError('ENGINE_REQUEST_FAILED', 'command: the program produced no audio');
  const kind = format ?? sniff(bytes, sampleRate);
  switch (kind) {
    case 'wav':
      return audioFromWaveFile(bytes);
    case 'mp3':
      return { format: 'encoded', container: 'mp3', data: bytes };
    case 'ogg':
      return { format: 'encoded', container: 'ogg', data: bytes };
    case 'raw':
      if (sampleRate === undefined) {
        throw new BriefingError('CONFIG_INVALID', 'command: format=raw needs --engine-option sampleRate=… (Hz)');
      }
      return { format: 'pcm16', sampleRate, data: bytes.length % 2 === 0 ? bytes : bytes.subarray(0, bytes.length - 1) };
    default:
      throw new BriefingError(
        'ENGINE_REQUEST_FAILED',
        'command: cannot tell the audio format of the program output; set --engine-option format=wav|mp3|raw',
      );
  }
}

function sniff(bytes: Uint8Array, sampleRate: number | undefined): OutputFormat | 'ogg' | undefined {
  if (isWaveFile(bytes)) return 'wav';
  const head = String.fromCharCode(...bytes.subarray(0, 4));
  if (head.startsWith('ID3')) return 'mp3';
  if (head === 'OggS') return 'ogg';
  // Raw PCM can begin like an MPEG frame sync: a sample rate means the user said "raw".
  if (sampleRate !== undefined) return 'raw';
  return bytes[0] === 0xff && ((bytes[1] ?? 0) & 0xe0) === 0xe0 ? 'mp3' : undefined;
}
