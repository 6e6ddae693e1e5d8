/**
 * Every call to ffmpeg in the project lives in this module, so the wrapper
 * (fluent-ffmpeg) and the binary (@ffmpeg-installer/ffmpeg, or FFMPEG_PATH)
 * can be replaced in one place.
 */
import { accessSync, chmodSync, constants } from 'node:fs';
import { createRequire } from 'node:module';
import { once } from 'node:events';
import { PassThrough } from 'node:stream';
import ffmpeg from 'fluent-ffmpeg';
import { BriefingError } from '../errors.js';

const require = createRequire(import.meta.url);

/** Loudness figures measured by ffmpeg's EBU R128 meter. */
export interface LoudnessMeasurement {
  /** Integrated loudness, LUFS. */
  integratedLufs: number;
  /** True peak, dBTP. */
  truePeakDbtp: number;
  /** Loudness range, LU. */
  loudnessRangeLu: number;
  /** Length of the measured audio as decoded, ms (to 10 ms). */
  durationMs?: number;
}

/** Where to find ffmpeg: `FFMPEG_PATH` when set, else the bundled binary. */
export function resolveFfmpegPath(env: Record<string, string | undefined> = process.env): string {
  if (env.FFMPEG_PATH && env.FFMPEG_PATH.trim() !== '') return env.FFMPEG_PATH;
  let path: string;
  try {
    path = (require('@ffmpeg-installer/ffmpeg') as { path: string }).path;
  } catch (error) {
    throw new BriefingError('FFMPEG_FAILED', 'ffmpeg: the bundled binary is missing; reinstall, or set FFMPEG_PATH', { cause: error });
  }
  try {
    accessSync(path, constants.X_OK);
  } catch {
    // Package managers that skip install scripts leave the binary without its execute bit.
    try {
      chmodSync(path, 0o755);
    } catch (error) {
      throw new BriefingError('FFMPEG_FAILED', `ffmpeg: ${path} is not executable; set FFMPEG_PATH`, { cause: error });
    }
  }
  return path;
}

/** Runs a prepared command and resolves with its stderr lines. */
function run(command: ffmpeg.FfmpegCommand, what: string, signal?: AbortSignal): Promise<string> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new BriefingError('ABORTED', `${what}: aborted`));
    const onAbort = () => command.kill('SIGKILL');
    signal?.addEventListener('abort', onAbort, { once: true });
    command
      .on('error', (error: Error, _stdout: string | null, stderr: string | null) => {
        signal?.removeEventListener('abort', onAbort);
        if (signal?.aborted) return reject(new BriefingError('ABORTED', `${what}: aborted`));
        const detail = (stderr ?? '').trim().split('\n').filter(Boolean).at(-1) ?? error.message;
        reject(new BriefingError('FFMPEG_FAILED', `ffmpeg (${what}): ${detail}`, { cause: error }));
      })
      .on('end', (_stdout: string | null, stderr: string | null) => {
        signal?.removeEventListener('abort', onAbort);
        resolve(stderr ?? '');
      })
      .run();
  });
}

function create(input: string, ffmpegPath: string): ffmpeg.FfmpegCommand {
  return ffmpeg(input, { stdoutLines: 200 }).setFfmpegPath(ffmpegPath);
}

/** Decodes any audio ffmpeg reads into a mono 16-bit WAV at `sampleRate`. */
export async function decodeToWav(input: string, output: string, sampleRate: number, ffmpegPath: string, signal?: AbortSignal): Promise<void> {
  const command = create(input, ffmpegPath)
    .noVideo()
    .audioChannels(1)
    .audioFrequency(sampleRate)
    .audioCodec('pcm_s16le')
    // A bare 44-byte header: no LIST chunk, so the PCM starts at a known offset.
    .outputOptions(['-map_metadata', '-1', '-fflags', '+bitexact', '-flags:a', '+bitexact'])
    .format('wav')
    .output(output);
  await run(command, 'decode', signal);
}

/** Parses the summary ffmpeg's `ebur128` filter prints at the end. */
export function parseEbur128Summary(stderr: string): LoudnessMeasurement {
  const summary = stderr.slice(stderr.lastIndexOf('Summary:'));
  const value = (pattern: RegExp) => {
    const match = summary.match(pattern);
    return match ? Number.parseFloat(match[1]!) : Number.NaN;
  };
  const measurement = {
    integratedLufs: value(/I:\s+(-?[\d.]+|-inf)\s+LUFS/),
    loudnessRangeLu: value(/LRA:\s+(-?[\d.]+)\s+LU/),
    truePeakDbtp: value(/Peak:\s+(-?[\d.]+|-inf)\s+dBFS/),
  };
  if (Number.isNaN(measurement.integratedLufs)) {
    throw new BriefingError('FFMPEG_FAILED', 'ffmpeg (loudness): no EBU R128 summary in the output');
  }
  return measurement;
}

/** Measures integrated loudness, true peak and loudness range of a file. */
export async function measureLoudness(input: string, ffmpegPath: string, signal?: AbortSignal): Promise<LoudnessMeasurement> {
  const command = create(input, ffmpegPath)
    .noVideo()
    .audioFilters('ebur128=peak=true')
    .format('null')
    .output('-');
  const stderr = await run(command, 'loudness', signal);
  const durationMs = lastTimestampMs(stderr);
  return { ...parseEbur128Summary(stderr), ...(durationMs !== undefined ? { durationMs } : {}) };
}

/** The last `time=hh:mm:ss.xx` ffmpeg reported: how much audio it read. */
function lastTimestampMs(stderr: string): number | undefined {
  const last = [...stderr.matchAll(/time=(\d+):(\d+):(\d+(?:\.\d+)?)/g)].at(-1);
  return last ? (Number(last[1]) * 3600 + Number(last[2]) * 60 + Number(last[3])) * 1000 : undefined;
}

/** How the episode is encoded. */
export interface EncodeSettings {
  /** Gain applied before the limiter, dB. */
  gainDb: number;
  /** Ceiling of the peak limiter, dBFS, set below the true-peak target to leave room for inter-sample peaks. */
  limiterCeilingDb: number;
  /** MP3 bitrate, kbps (constant). */
  bitrateKbps: number;
  /** 1 for mono speech, 2 when music is mixed in. */
  channels: 1 | 2;
}

/** The output sample rate of every episode. */
export const EPISODE_SAMPLE_RATE = 44100;

/** LAME's quality setting: 5 is its "good speed" point, plenty for speech at podcast bitrates. */
const LAME_QUALITY = 5;

function encodeFilters(settings: EncodeSettings): string[] {
  const ceiling = Math.min(1, Math.max(0.0625, 10 ** (settings.limiterCeilingDb / 20)));
  return [
    `aresample=${EPISODE_SAMPLE_RATE}:resampler=soxr`,
    `volume=${settings.gainDb.toFixed(2)}dB`,
    `alimiter=limit=${ceiling.toFixed(4)}:attack=5:release=50:level=0`,
  ];
}

function mp3Output(command: ffmpeg.FfmpegCommand, output: string, settings: EncodeSettings): ffmpeg.FfmpegCommand {
  return command
    .noVideo()
    .audioFilters(encodeFilters(settings))
    .audioChannels(settings.channels)
    .audioFrequency(EPISODE_SAMPLE_RATE)
    .audioCodec('libmp3lame')
    .audioBitrate(`${settings.bitrateKbps}k`)
    .outputOptions(['-compression_level', String(LAME_QUALITY), '-write_xing', '1', '-id3v2_version', '3'])
    .format('mp3')
    .output(output);
}

/**
 * Encodes the assembled speech to a CBR MP3 at 44.1 kHz: resample, apply the
 * measured gain, limit peaks, encode. One pass.
 */
export async function encodeMp3(input: string, output: string, settings: EncodeSettings, ffmpegPath: string, signal?: AbortSignal): Promise<void> {
  await run(mp3Output(create(input, ffmpegPath), output, settings), 'encode', signal);
}

/** An encoder fed with PCM as it is made. */
export interface StreamingEncoder {
  /** Writes mono 16-bit PCM; resolves when the encoder can take more. */
  write(pcm: Uint8Array): Promise<void>;
  /** Ends the input and resolves when the MP3 is complete. */
  finish(): Promise<void>;
}

/**
 * Starts an MP3 encode (as {@link encodeMp3}) that reads mono 16-bit PCM at
 * `sampleRate` from the caller while the rest of the audio is still being
 * made.
 */
export function startMp3Encoder(output: string, settings: EncodeSettings, sampleRate: number, ffmpegPath: string, signal?: AbortSignal): StreamingEncoder {
  const input = new PassThrough({ highWaterMark: 1 << 20 });
  const command = ffmpeg(input, { stdoutLines: 200 })
    .setFfmpegPath(ffmpegPath)
    .inputFormat('s16le')
    .inputOptions(['-ar', String(sampleRate), '-ac', '1']);
  const done = run(mp3Output(command, output, settings), 'encode', signal);
  done.catch(() => input.destroy());
  return {
    async write(pcm) {
      if (input.destroyed) return;
      if (!input.write(pcm)) await Promise.race([once(input, 'drain'), done.then(() => undefined)]);
    },
    async finish() {
      input.end();
      await done;
    },
  };
}

/** Decodes a file fully and returns its duration in milliseconds, as a player would hear it. */
export async function decodedDurationMs(input: string, ffmpegPath: string, signal?: AbortSignal): Promise<number> {
  const command = create(input, ffmpegPath).noVideo().audioCodec('pcm_s16le').format('null').output('-');
  const durationMs = lastTimestampMs(await run(command, 'probe', signal));
  if (durationMs === undefined) throw new BriefingError('FFMPEG_FAILED', `ffmpeg (probe): could not read the duration of ${input}`);
  return durationMs;
}
