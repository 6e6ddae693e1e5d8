
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

/** A loudness gain kept within ±40 dB, however quiet or loud the measured audio. */
export function clampGain(gainDb: number): number {
  return Math.max(-40, Math.min(40, gainDb));
}
