import { BriefingError } from '../errors.js';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startMp3Encoder, type LoudnessMeasurement, type StreamingEncoder } from '../platform/ffmpeg.js';
import { LoudnessMeter } from './loudness-meter.js';
import { clampGain, type LoudnessTarget } from './loudness.js';
import { buildTimeline, streamSegments, type Timeline, type TimelineBlock, type TimelineSegment } from './timeline.js';

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

/** LAME's output measures about 0.4 LU quieter than its input at any bitrate; the gain aims that much above the target. */
export const ENCODER_LOSS_DB = 0.4;

/** What assembling the episode produced. */
export interface AssembledEpisode {
  timeline: Timeline;
  /**
   * Loudness of the MP3, from ffmpeg's measurement of the encoder's input
   * (after gain and limiter) in the encoding run itself, so the file is never
   * read again: integrated loudness less {@link ENCODER_LOSS_DB} (what the
   * file measures, within a few tenths of a LU), and the input's true peak.
   */
  loudness: LoudnessMeasurement;
  gainDb: number;
  /** Encodes made: 1, or 2 when the first missed the window. */
  passes: number;
}

/**
 * Joins the pieces into the narration and encodes the MP3 while the pieces
 * are still being synthesized, holding no audio in memory and writing no
 * narration WAV: the gain comes from the loudness of the first minute (or all
 * of a shorter narration), measured as the pieces stream past; the encoder
 * then reads that first stretch again from the pieces' files and is fed the
 * rest as it is joined. The encoding run measures what it encodes; when that
 * missed the window, the narration is streamed from the pieces once more into
 * a second encode with the gain corrected.
 *
 * `paths.wav` is not written; it is accepted for callers that still pass it.
 */
export async function assembleEpisode(
  blocks: readonly TimelineBlock[],
  paths: { wav?: string; mp3: string },
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
  /** Bytes of PCM joined so far: what a starting encoder must read again from the pieces. */
  let joinedBytes = 0;
  const segments: TimelineSegment[] = [];
  // A failed encoder stops the timeline, which may be waiting for a piece still being synthesized.
  const encoderFailed = new AbortController();
  const timelineSignal = signal ? AbortSignal.any([signal, encoderFailed.signal]) : encoderFailed.signal;
  const scratch = await mkdtemp(join(tmpdir(), 'briefing-assemble-'));

  const encode = (sampleRate: number, gain: number, ceilingDb: number): StreamingEncoder => {
    const started = startMp3Encoder(paths.mp3, { ...encoding, gainDb: gain, limiterCeilingDb: ceilingDb }, sampleRate, ffmpegPath, signal);
    started.done.catch((error: unknown) => encoderFailed.abort(error));
    return started;
  };
  const startEncoder = async (sampleRate: number, timelineSoFar: readonly TimelineSegment[]) => {
    const measured = meter!.integrated();
    if (!Number.isFinite(measured)) return;
    gainDb = clampGain(target.integratedLufs - measured + ENCODER_LOSS_DB);
    encoder = encode(sampleRate, gainDb, limiterCeilingDb);
    const started = encoder;
    await streamSegments(timelineSoFar, (chunk) => started.write(chunk), joinedBytes);
  };

  try {
    let timeline: Timeline;
    let loudness: LoudnessMeasurement;
    try {
      timeline = await buildTimeline(blocks, undefined, ffmpegPath, timelineSignal, {
        scratch,
        onSegment: (segment) => segments.push(segment),
        onAudio: async (pcm, sampleRate) => {
          joinedBytes += pcm.byteLength;
          if (encoder) return encoder.write(pcm);
          meter ??= new LoudnessMeter(sampleRate);
          meter.push(pcm);
          if (meter.seconds >= estimateSeconds) await startEncoder(sampleRate, segments);
        },
      });
      if (!encoder && meter) await startEncoder(meter.sampleRate, timeline.segments);
      if (!encoder) throw new BriefingError('FFMPEG_FAILED', 'loudness: the narration is silent; nothing to normalize');
      loudness = await encoder.finish();
    } catch (error) {
      if (encoder) await encoder.finish().catch(() => {});
      throw error;
    }

    let passes = 1;
    // The encoder's input is aimed ENCODER_LOSS_DB above the target, for the MP3 to land on it.
    const miss = target.integratedLufs + ENCODER_LOSS_DB - loudness.integratedLufs;
    const overPeak = loudness.truePeakDbtp - target.truePeakDbtp;
    if (Math.abs(miss) > target.toleranceLu / 2 || overPeak > 0) {
      gainDb = clampGain(gainDb + miss);
      const again = encode(timeline.sampleRate, gainDb, limiterCeilingDb - Math.max(0, overPeak));
      try {
        await streamSegments(timeline.segments, (chunk) => again.write(chunk));
      } catch (error) {
        await again.finish().catch(() => {});
        throw error;
      }
      loudness = await again.finish();
      passes = 2;
    }
    return { timeline: { ...timeline, segments: [] }, loudness: { ...loudness, integratedLufs: loudness.integratedLufs - ENCODER_LOSS_DB }, gainDb, passes };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
