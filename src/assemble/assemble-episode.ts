import { BriefingError } from '../errors.js';
import { encodeMp3, measureLoudness, startMp3Encoder, type LoudnessMeasurement, type StreamingEncoder } from '../platform/ffmpeg.js';
import { LoudnessMeter } from './loudness-meter.js';
import { clampGain, type LoudnessTarget } from './loudness.js';
import { buildTimeline, type Timeline, type TimelineBlock } from './timeline.js';

/** Room left under the true-peak ceiling for inter-sample peaks and the MP3 encoder. */
const LIMITER_HEADROOM_DB = 1.2;

/**
 * How much narration is measured before encoding starts: at least a minute,
 * and at least this share of the whole. One narrator's loudness settles
 * within a minute of speech, but a briefing's intro and first story can read
 * quieter than the rest; a quarter of it is representative. The finished MP3
 * is measured and corrected if the gain did not hold.
 */
const ESTIMATE_MIN_SECONDS = 60;
const ESTIMATE_SHARE = 0.25;

/** LAME's output measures about 0.4 LU quieter than its input at any bitrate; the gain allows for it. */
const ENCODER_LOSS_DB = 0.4;

/** What assembling the episode produced. */
export interface AssembledEpisode {
  timeline: Timeline;
  /** Loudness of the finished MP3, measured by ffmpeg. */
  loudness: LoudnessMeasurement;
  gainDb: number;
  /** Encodes made: 1, or 2 when the first missed the window. */
  passes: number;
}

/**
 * Joins the pieces into the narration WAV and encodes the MP3 while the
 * pieces are still being synthesized: the gain comes from the loudness of the
 * first minute (or all of a shorter narration), the encoder is fed as the
 * timeline grows, then the MP3 is measured and, if it missed the window,
 * encoded once more from the WAV with the gain corrected.
 */
export async function assembleEpisode(
  blocks: readonly TimelineBlock[],
  paths: { wav: string; mp3: string },
  target: LoudnessTarget,
  encoding: { bitrateKbps: number; channels: 1 | 2 },
  ffmpegPath: string,
  signal?: AbortSignal,
  /** How long the narration is expected to be (from its text), to choose how much of it to measure first. */
  expectedDurationMs = 0,
): Promise<AssembledEpisode> {
  const estimateSeconds = Math.max(ESTIMATE_MIN_SECONDS, (expectedDurationMs / 1000) * ESTIMATE_SHARE);
  const limiterCeilingDb = target.truePeakDbtp - LIMITER_HEADROOM_DB;
  let meter: LoudnessMeter | undefined;
  let encoder: StreamingEncoder | undefined;
  let gainDb = 0;
  const waiting: Uint8Array[] = [];
  // A failed encoder stops the timeline, which may be waiting for a piece still being synthesized.
  const encoderFailed = new AbortController();
  const timelineSignal = signal ? AbortSignal.any([signal, encoderFailed.signal]) : encoderFailed.signal;

  const startEncoder = async (sampleRate: number) => {
    const measured = meter!.integrated();
    if (!Number.isFinite(measured)) return;
    gainDb = clampGain(target.integratedLufs - measured + ENCODER_LOSS_DB);
    encoder = startMp3Encoder(paths.mp3, { ...encoding, gainDb, limiterCeilingDb }, sampleRate, ffmpegPath, signal);
    encoder.done.catch((error: unknown) => encoderFailed.abort(error));
    for (const chunk of waiting.splice(0)) await encoder.write(chunk);
  };

  let timeline: Timeline;
  try {
    timeline = await buildTimeline(blocks, paths.wav, ffmpegPath, timelineSignal, async (pcm, sampleRate) => {
      if (encoder) return encoder.write(pcm);
      meter ??= new LoudnessMeter(sampleRate);
      meter.push(pcm);
      waiting.push(pcm.slice());
      if (meter.seconds >= estimateSeconds) await startEncoder(sampleRate);
    });
    if (!encoder && meter) await startEncoder(meter.sampleRate);
    if (!encoder) throw new BriefingError('FFMPEG_FAILED', 'loudness: the narration is silent; nothing to normalize');
    await encoder.finish();
  } catch (error) {
    if (encoder) await encoder.finish().catch(() => {});
    throw error;
  }

  let loudness = await measureLoudness(paths.mp3, ffmpegPath, signal);
  let passes = 1;
  const miss = target.integratedLufs - loudness.integratedLufs;
  const overPeak = loudness.truePeakDbtp - target.truePeakDbtp;
  if (Math.abs(miss) > target.toleranceLu / 2 || overPeak > 0) {
    gainDb = clampGain(gainDb + miss);
    const ceiling = limiterCeilingDb - Math.max(0, overPeak);
    await encodeMp3(paths.wav, paths.mp3, { ...encoding, gainDb, limiterCeilingDb: ceiling }, ffmpegPath, signal);
    loudness = await measureLoudness(paths.mp3, ffmpegPath, signal);
    passes = 2;
  }
  return { timeline, loudness, gainDb, passes };
}
