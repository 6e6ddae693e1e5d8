/**
 * Every call to ffmpeg in the project lives in this module, so the wrapper
 * (fluent-ffmpeg) and the binary (@ffmpeg-installer/ffmpeg, or FFMPEG_PATH)
 * can be replaced in one place.
 */
import { accessSync, chmodSync, constants } from 'node:fs';
import { createRequire } from 'node:module';
import { once } from 'node:events';
import { PassThrough } from 'node:stream';
import type ffmpeg from 'fluent-ffmpeg';
import { dirname } from 'node:path';
import { BriefingError } from '../errors.js';
import { whenAborted } from './when-aborted.js';
import { diskFullError, saysNoSpace } from '../disk-full.js';

const require = createRequire(import.meta.url);
/** fluent-ffmpeg, loaded with the first command: importing the library does not pay for it. */
let fluentFfmpeg: typeof ffmpeg | undefined;

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

/**
 * Runs a prepared command and resolves with its stderr lines. `writes` is the
 * file the command writes, so a full disk is reported as `DISK_FULL` naming
 * its folder.
 */
function run(command: ffmpeg.FfmpegCommand, what: string, signal?: AbortSignal, writes?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new BriefingError('ABORTED', `${what}: aborted`));
    const forget = signal ? whenAborted(signal, () => command.kill('SIGKILL')) : () => {};
    let noSpace = false;
    command
      .on('stderr', (line: string) => {
        // ffmpeg goes on reading its input after a write fails for want of space: stop it now rather than when the input ends.
        if (writes !== undefined && !noSpace && saysNoSpace(line)) {
          noSpace = true;
          command.kill('SIGKILL');
        }
      })
      .on('error', (error: Error, _stdout: string | null, stderr: string | null) => {
        forget();
        if (signal?.aborted) return reject(new BriefingError('ABORTED', `${what}: aborted`));
        if (writes !== undefined && (noSpace || saysNoSpace(`${stderr ?? ''}\n${error.message}`))) return reject(diskFullError(dirname(writes), error));
        const detail = (stderr ?? '').trim().split('\n').filter(Boolean).at(-1) ?? error.message;
        reject(new BriefingError('FFMPEG_FAILED', `ffmpeg (${what}): ${detail}`, { cause: error }));
      })
      .on('end', (_stdout: string | null, stderr: string | null) => {
        forget();
        // ffmpeg exits 0 when only the last flush of its output failed ("Error writing trailer … No space left on device").
        if (writes !== undefined && (noSpace || saysNoSpace(stderr ?? ''))) return reject(diskFullError(dirname(writes), new Error(`ffmpeg (${what}): no space left on device`)));
        resolve(stderr ?? '');
      })
      .run();
  });
}

function create(input: string | PassThrough, ffmpegPath: string, stdoutLines = 200): ffmpeg.FfmpegCommand {
  const command = (fluentFfmpeg ??= require('fluent-ffmpeg') as typeof ffmpeg)(input, { stdoutLines }).setFfmpegPath(ffmpegPath);
  // Before its first command in a process, fluent-ffmpeg runs `ffmpeg -formats` to check the names a
  // command uses, then `ffmpeg -encoders` to mark experimental ones (about 0.2 s before the first encode
  // can start). This module uses only formats and encoders every ffmpeg build with LAME has, none of
  // them experimental, and an ffmpeg without one fails the command itself with the reason in its
  // stderr: both runs are skipped.
  const unchecked = command as unknown as {
    _checkCapabilities: (done: (error?: Error) => void) => void;
    availableEncoders: (done: (error: Error | null, encoders: Record<string, never>) => void) => void;
  };
  unchecked._checkCapabilities = (done) => done();
  unchecked.availableEncoders = (done) => done(null, {});
  return command;
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
  await run(command, 'decode', signal, output);
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

/** The episode's MP3 settings, for the output being declared: 44.1 kHz CBR LAME with a Xing header and ID3v2.3. */
function mp3Encoding(command: ffmpeg.FfmpegCommand, settings: EncodeSettings): ffmpeg.FfmpegCommand {
  return command
    .audioChannels(settings.channels)
    .audioFrequency(EPISODE_SAMPLE_RATE)
    .audioCodec('libmp3lame')
    .audioBitrate(`${settings.bitrateKbps}k`)
    .outputOptions(['-compression_level', String(LAME_QUALITY), '-write_xing', '1', '-id3v2_version', '3'])
    .format('mp3');
}

function mp3Output(command: ffmpeg.FfmpegCommand, output: string, settings: EncodeSettings): ffmpeg.FfmpegCommand {
  return mp3Encoding(command.noVideo().audioFilters(encodeFilters(settings)), settings).output(output);
}

/**
 * Encodes the assembled speech to a CBR MP3 at 44.1 kHz: resample, apply the
 * measured gain, limit peaks, encode. One pass.
 */
export async function encodeMp3(input: string, output: string, settings: EncodeSettings, ffmpegPath: string, signal?: AbortSignal): Promise<void> {
  await run(mp3Output(create(input, ffmpegPath), output, settings), 'encode', signal, output);
}

/** The meter's run: the encode's filters, then the EBU R128 meter with true peak, and no output. */
function meterOutput(command: ffmpeg.FfmpegCommand, settings: EncodeSettings): ffmpeg.FfmpegCommand {
  return command.noVideo().audioFilters([...encodeFilters(settings), 'ebur128=peak=true:framelog=verbose']).format('null').output('-');
}

/**
 * Measures the loudness a file would have once encoded with `settings`, as
 * the streaming encoder's meter measures it (the same filters, the same
 * meter), without encoding it.
 */
export async function measureEncodedLoudness(input: string, settings: EncodeSettings, ffmpegPath: string, signal?: AbortSignal): Promise<LoudnessMeasurement> {
  return parseEbur128Summary(await run(meterOutput(create(input, ffmpegPath), settings), 'loudness', signal));
}

/** An encoder fed with PCM as it is made. */
export interface StreamingEncoder {
  /** Writes mono 16-bit PCM; resolves when the encoder can take more. */
  write(pcm: Uint8Array): Promise<void>;
  /**
   * Ends the input and resolves, once the MP3 is complete, with the loudness
   * of the audio as it went into the MP3 encoder (after gain and limiter),
   * measured by ffmpeg's EBU R128 meter in the same run.
   */
  finish(): Promise<LoudnessMeasurement>;
  /** Resolves when the MP3 is complete; rejects as soon as the encoder fails (a full disk, say), whether or not it is being written to. */
  readonly done: Promise<void>;
}

/**
 * Starts an MP3 encode (as {@link encodeMp3}) that reads mono 16-bit PCM at
 * `sampleRate` from the caller while the rest of the audio is still being
 * made, and measures the loudness of what it encodes on the way, so the audio
 * is never read again to be measured.
 *
 * The meter is a second ffmpeg fed the same PCM through the same filters
 * (resample, gain, limiter), not a branch of the encoder's graph: ffmpeg runs
 * a graph and its encoder on one thread, and the true-peak meter (which
 * upsamples to 192 kHz) would lengthen the encode by a third where a second
 * process runs beside it on another core.
 */
export function startMp3Encoder(output: string, settings: EncodeSettings, sampleRate: number, ffmpegPath: string, signal?: AbortSignal): StreamingEncoder {
  // Either process failing stops the other.
  const failed = new AbortController();
  const stop = signal ? AbortSignal.any([signal, failed.signal]) : failed.signal;
  const pcmInput = (command: ffmpeg.FfmpegCommand) => command.inputFormat('s16le').inputOptions(['-ar', String(sampleRate), '-ac', '1']);
  const toEncoder = new PassThrough({ highWaterMark: 1 << 20 });
  const toMeter = new PassThrough({ highWaterMark: 1 << 20 });
  const encoding = run(mp3Output(pcmInput(create(toEncoder, ffmpegPath)), output, settings), 'encode', stop, output);
  const metering = run(meterOutput(pcmInput(create(toMeter, ffmpegPath)), settings), 'loudness', stop);
  const inputs = [toEncoder, toMeter];
  // The first failure is the one to report: the other process was killed because of it.
  const done = new Promise<{ encoded: string; measured: string }>((resolve, reject) => {
    const fail = (error: unknown) => {
      if (!failed.signal.aborted) reject(error);
      failed.abort(error);
      for (const input of inputs) input.destroy();
    };
    encoding.catch(fail);
    metering.catch(fail);
    Promise.all([encoding, metering]).then(([encoded, measured]) => resolve({ encoded, measured }), () => {});
  });
  const ended = done.then(() => undefined);
  // Callers that never look at `done` learn of a failure from write() or finish().
  ended.catch(() => {});
  const accepts = async (input: PassThrough, pcm: Uint8Array) => {
    if (!input.write(pcm)) await Promise.race([once(input, 'drain'), ended]);
  };
  return {
    async write(pcm) {
      // An encoder that failed (a full disk, say) stops the writer now, not once the whole narration is made.
      if (inputs.some((input) => input.destroyed)) return ended;
      await Promise.all(inputs.map((input) => accepts(input, pcm)));
    },
    async finish() {
      for (const input of inputs) input.end();
      const { encoded, measured } = await done;
      const durationMs = lastTimestampMs(encoded);
      return { ...parseEbur128Summary(measured), ...(durationMs !== undefined ? { durationMs } : {}) };
    },
    done: ended,
  };
}

/** Decodes a file fully and returns its duration in milliseconds, as a player would hear it. */
export async function decodedDurationMs(input: string, ffmpegPath: string, signal?: AbortSignal): Promise<number> {
  const command = create(input, ffmpegPath).noVideo().audioCodec('pcm_s16le').format('null').output('-');
  const durationMs = lastTimestampMs(await run(command, 'probe', signal));
  if (durationMs === undefined) throw new BriefingError('FFMPEG_FAILED', `ffmpeg (probe): could not read the duration of ${input}`);
  return durationMs;
}

/** How every piece of music is brought into a mix (and measured): 44.1 kHz stereo, float. */
const MIX_FORMAT = `aresample=${EPISODE_SAMPLE_RATE},aformat=sample_fmts=fltp:channel_layouts=stereo`;

/** What a music mix needs to know of its inputs. */
export interface MixInputMeasurements {
  narration: {
    /** Integrated loudness of the narration as it is (mono), LUFS. */
    integratedLufs: number;
    /** Length in samples at its own rate. */
    samples: number;
    sampleRate: number;
  };
  /** Each music file as the mix hears it (44.1 kHz stereo), in the order given. */
  music: { integratedLufs: number; samples: number }[];
}

/** The text one filter instance logged last, from its `[Parsed_<name>_<index> @ …]` line to the next prefixed line. */
function filterLog(stderr: string, name: string, index: number): string {
  const start = stderr.lastIndexOf(`[Parsed_${name}_${index} @`);
  if (start < 0) return '';
  const end = stderr.indexOf('\n[', start + 1);
  return stderr.slice(start, end < 0 ? undefined : end);
}

function sampleCount(stderr: string, index: number): number {
  const match = stderr
    .split('\n')
    .filter((line) => line.startsWith(`[Parsed_volumedetect_${index} @`))
    .map((line) => /n_samples: (\d+)/.exec(line))
    .filter((found): found is RegExpExecArray => found !== null)
    .at(-1);
  return match ? Number(match[1]) : Number.NaN;
}

/**
 * Measures, in one ffmpeg run, the narration's loudness and length and each
 * music file's loudness and length as a mix hears it.
 */
export async function measureMixInputs(narration: string, music: readonly string[], ffmpegPath: string, signal?: AbortSignal): Promise<MixInputMeasurements> {
  // Filters are named by their position in the graph: 0 volumedetect, 1 ebur128 for the narration, then per music file aresample, aformat, volumedetect, ebur128.
  const chains = ['[0:a]volumedetect,ebur128=framelog=verbose[m0]'];
  music.forEach((_, index) => chains.push(`[${index + 1}:a]${MIX_FORMAT},volumedetect,ebur128=framelog=verbose[m${index + 1}]`));
  let command = create(narration, ffmpegPath, 0);
  for (const path of music) command = command.input(path);
  command = command.complexFilter(chains.join(';'));
  for (let index = 0; index <= music.length; index += 1) {
    command = command.output('-').outputOptions(['-map', `[m${index}]`]).format('null');
  }
  const stderr = await run(command, 'measure mix', signal);
  const rate = /Input #0[\s\S]*?Stream #0:0[^\n]*?Audio:[^\n]*?(\d+) Hz/.exec(stderr);
  const measured = {
    narration: {
      integratedLufs: parseEbur128Summary(filterLog(stderr, 'ebur128', 1)).integratedLufs,
      samples: sampleCount(stderr, 0),
      sampleRate: rate ? Number(rate[1]) : Number.NaN,
    },
    music: music.map((_, index) => ({
      integratedLufs: parseEbur128Summary(filterLog(stderr, 'ebur128', 2 + index * 4 + 3)).integratedLufs,
      samples: sampleCount(stderr, 2 + index * 4 + 2) / 2,
    })),
  };
  if (!Number.isFinite(measured.narration.samples) || !Number.isFinite(measured.narration.sampleRate) || measured.music.some((piece) => !Number.isFinite(piece.samples))) {
    throw new BriefingError('FFMPEG_FAILED', 'ffmpeg (measure mix): could not read the lengths of the inputs');
  }
  return measured;
}

/** How the bed is ducked under the speech: ffmpeg `sidechaincompress` settings. */
export interface DuckSettings {
  /** Sidechain level (dBFS) above which the bed is turned down. */
  thresholdDb: number;
  ratio: number;
  attackMs: number;
  releaseMs: number;
}

/**
 * Everything a music mix does, in samples at 44.1 kHz and whole
 * milliseconds: where each part sits, its gain and its fades. Built by
 * `planMusicMix` (music-mix.ts); rendered by {@link renderMusicMix}.
 */
export interface MusicMixPlan {
  narration: {
    path: string;
    /** Gain that brings the (dual-mono) narration to its level in the mix, dB. */
    gainDb: number;
    /** Where the narration starts in the output, ms. */
    startMs: number;
  };
  intro?: {
    path: string;
    gainDb: number;
    /** The intro fades out over its last samples, under the start of the narration. */
    fadeOutStartSample: number;
    fadeOutSamples: number;
  };
  bed?: {
    path: string;
    gainDb: number;
    startMs: number;
    /** Length of the bed in the output, samples. */
    samples: number;
    fadeInSamples: number;
    fadeOutSamples: number;
    /** One pass of the loop: the file's length less the crossfade. */
    loopSamples: number;
    /** The end of each pass is crossfaded into the start of the next over this many samples. */
    loopCrossfadeSamples: number;
    /** Where the narration starts as the ducker hears it (a little early, so the bed is down when the first word comes), ms. */
    sidechainStartMs: number;
    duck: DuckSettings;
  };
  outro?: { path: string; gainDb: number; startMs: number };
  /** Gain on the whole mix before the limiter, dB. */
  masterGainDb: number;
  /** Length of the output, samples. */
  totalSamples: number;
}

/** Which parts of a mix are heard (the narration still ducks the bed when it is muted). */
export type MixPart = 'narration' | 'intro' | 'bed' | 'outro';

/** How a music mix is written. */
export interface MusicMixOutput {
  /** `mp3`: CBR at `bitrateKbps`; `wav`: 32-bit float, for analysis. */
  format: 'mp3' | 'wav';
  bitrateKbps: number;
  /** Ceiling of the peak limiter, dBFS. */
  limiterCeilingDb: number;
  /** The parts heard; default all. */
  parts?: readonly MixPart[];
}

const decibels = (value: number) => `${value.toFixed(2)}dB`;
const delay = (ms: number) => (ms > 0 ? `adelay=${Math.round(ms)}|${Math.round(ms)},` : '');

/** The ffmpeg filter graph of a music mix; its output is labelled `[mix]`. */
function musicMixGraph(plan: MusicMixPlan, output: Pick<MusicMixOutput, 'limiterCeilingDb' | 'parts'>): { inputs: string[]; graph: string } {
  const heard = new Set<MixPart>(output.parts ?? ['narration', 'intro', 'bed', 'outro']);
  const inputs = [plan.narration.path];
  const chains: string[] = [];
  const sum: string[] = [];
  const { bed, intro, outro } = plan;
  const ducking = bed !== undefined && heard.has('bed');

  const narration = `[0:a]aresample=${EPISODE_SAMPLE_RATE}:resampler=soxr,pan=stereo|c0=c0|c1=c0,volume=${decibels(plan.narration.gainDb)}`;
  chains.push(ducking ? `${narration},asplit=2[speech][sidechain]` : `${narration}[speech]`);
  if (heard.has('narration')) {
    chains.push(`[speech]${delay(plan.narration.startMs)}apad[narration]`);
    sum.push('[narration]');
  } else {
    chains.push('[speech]anullsink');
  }
  if (intro && heard.has('intro')) {
    inputs.push(intro.path);
    chains.push(
      `[${inputs.length - 1}:a]${MIX_FORMAT},volume=${decibels(intro.gainDb)},` +
        `afade=t=out:ss=${intro.fadeOutStartSample}:ns=${Math.max(1, intro.fadeOutSamples)},apad[intro]`,
    );
    sum.push('[intro]');
  }
  if (bed && ducking) {
    inputs.push(bed.path);
    const loop = bed.loopSamples;
    const crossfade = bed.loopCrossfadeSamples;
    const threshold = Math.min(1, Math.max(0.000977, 10 ** (bed.duck.thresholdDb / 20)));
    chains.push(
      `[${inputs.length - 1}:a]${MIX_FORMAT},volume=${decibels(bed.gainDb)},asplit=2[bedhead][bedtail]`,
      `[bedhead]atrim=end_sample=${loop},afade=t=in:ns=${crossfade}[bedstart]`,
      `[bedtail]atrim=start_sample=${loop},asetpts=PTS-STARTPTS,afade=t=out:ns=${crossfade},apad=whole_len=${loop}[bedend]`,
      // One pass whose first samples already hold the previous pass's fading end: looped end to end, it has no seam.
      `[bedstart][bedend]amerge=inputs=2,pan=stereo|c0=c0+c2|c1=c1+c3,aloop=loop=-1:size=${loop},atrim=end_sample=${bed.samples},` +
        `afade=t=in:ns=${Math.max(1, bed.fadeInSamples)},afade=t=out:ss=${Math.max(0, bed.samples - bed.fadeOutSamples)}:ns=${Math.max(1, bed.fadeOutSamples)},` +
        `${delay(bed.startMs)}apad[bedplaced]`,
      `[sidechain]${delay(bed.sidechainStartMs)}apad[ducker]`,
      `[bedplaced][ducker]sidechaincompress=threshold=${threshold.toFixed(6)}:ratio=${bed.duck.ratio}:attack=${bed.duck.attackMs}:release=${bed.duck.releaseMs}[bed]`,
    );
    sum.push('[bed]');
  }
  if (outro && heard.has('outro')) {
    inputs.push(outro.path);
    chains.push(`[${inputs.length - 1}:a]${MIX_FORMAT},volume=${decibels(outro.gainDb)},${delay(outro.startMs)}apad[outro]`);
    sum.push('[outro]');
  }
  if (sum.length === 0) {
    chains.push(`anullsrc=r=${EPISODE_SAMPLE_RATE}:cl=stereo[silence]`);
    sum.push('[silence]');
  }
  const ceiling = Math.min(1, Math.max(0.0625, 10 ** (output.limiterCeilingDb / 20)));
  const left = sum.map((_, index) => `c${index * 2}`).join('+');
  const right = sum.map((_, index) => `c${index * 2 + 1}`).join('+');
  const mixed = sum.length > 1 ? `${sum.join('')}amerge=inputs=${sum.length},pan=stereo|c0=${left}|c1=${right},` : `${sum[0]}`;
  chains.push(
    `${mixed}atrim=end_sample=${plan.totalSamples},volume=${decibels(plan.masterGainDb)},` +
      `alimiter=limit=${ceiling.toFixed(4)}:attack=5:release=50:level=0[mix]`,
  );
  return { inputs, graph: chains.join(';') };
}

/**
 * Renders a music mix in one ffmpeg run: the narration (dual mono) placed
 * at its offset, the intro before it, the bed looped and ducked under it by
 * the narration itself, the outro after it; then the master gain and the
 * peak limiter, and a stereo 44.1 kHz CBR MP3 (or a float WAV).
 */
export async function renderMusicMix(plan: MusicMixPlan, output: string, settings: MusicMixOutput, ffmpegPath: string, signal?: AbortSignal): Promise<void> {
  const { inputs, graph } = musicMixGraph(plan, settings);
  let command = create(inputs[0]!, ffmpegPath);
  for (const input of inputs.slice(1)) command = command.input(input);
  command = command.complexFilter(graph, ['mix']).audioChannels(2).audioFrequency(EPISODE_SAMPLE_RATE);
  command =
    settings.format === 'mp3'
      ? command
          .audioCodec('libmp3lame')
          .audioBitrate(`${settings.bitrateKbps}k`)
          .outputOptions(['-compression_level', String(LAME_QUALITY), '-write_xing', '1', '-id3v2_version', '3'])
          .format('mp3')
      : command.audioCodec('pcm_f32le').format('wav');
  await run(command.output(output), 'music mix', signal, output);
}
