import { BriefingError } from '../errors.js';
import { encodeMp3, measureLoudness, type LoudnessMeasurement } from './ffmpeg.js';

/** The loudness an episode must land at. */
export interface LoudnessTarget {
  /** Integrated loudness, LUFS (podcast default −16). */
  integratedLufs: number;
  /** True-peak ceiling, dBTP (default −1). */
  truePeakDbtp: number;
  /** Accepted distance from the integrated target, LU. */
  toleranceLu: number;
}

/** −16 LUFS ±1, true peak at most −1 dBTP. */
export const PODCAST_LOUDNESS: LoudnessTarget = { integratedLufs: -16, truePeakDbtp: -1, toleranceLu: 1 };

/** Room left under the true-peak ceiling for inter-sample peaks and the MP3 encoder. */
const LIMITER_HEADROOM_DB = 1.2;

/** What encoding at a loudness target produced. */
export interface EncodedEpisode {
  loudness: LoudnessMeasurement;
  gainDb: number;
  passes: number;
}

/**
 * Encodes `input` to an MP3 at the loudness target: one analysis pass, then
 * a measured gain and a peak limiter in the encode. The finished MP3 is
 * measured; if the limiter pulled it out of the window the gain is corrected
 * once more.
 */
export async function encodeAtLoudness(
  input: string,
  output: string,
  target: LoudnessTarget,
  encoding: { bitrateKbps: number; channels: 1 | 2 },
  ffmpegPath: string,
  signal?: AbortSignal,
): Promise<EncodedEpisode> {
  const source = await measureLoudness(input, ffmpegPath, signal);
  if (!Number.isFinite(source.integratedLufs)) {
    throw new BriefingError('FFMPEG_FAILED', 'loudness: the narration is silent; nothing to normalize');
  }
  let gainDb = clampGain(target.integratedLufs - source.integratedLufs);
  const settings = { ...encoding, limiterCeilingDb: target.truePeakDbtp - LIMITER_HEADROOM_DB };
  let loudness: LoudnessMeasurement | undefined;
  let passes = 0;
  for (passes = 1; passes <= 2; passes += 1) {
    await encodeMp3(input, output, { ...settings, gainDb }, ffmpegPath, signal);
    loudness = await measureLoudness(output, ffmpegPath, signal);
    const miss = target.integratedLufs - loudness.integratedLufs;
    if (Math.abs(miss) <= target.toleranceLu * 0.5 || passes === 2) break;
    gainDb = clampGain(gainDb + miss);
  }
  return { loudness: loudness!, gainDb, passes };
}

function clampGain(gainDb: number): number {
  return Math.max(-40, Math.min(40, gainDb));
}
