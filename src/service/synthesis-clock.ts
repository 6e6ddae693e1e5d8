import type { BuildProgress } from '../pipeline/build-options.js';

/** Times the synthesis stage of a build from its progress reports. */
export interface SynthesisClock {
  /** Passes each report on to `forward` and notes when synthesis starts and ends. */
  onProgress(progress: BuildProgress): void;
  /** Seconds from the first synthesis report to the last piece made; 0 when nothing was synthesized. */
  seconds(): number;
}

/**
 * A clock for the synthesis stage alone: from its first report (no piece
 * done yet) to the report of its last piece, so assembly, loudness passes,
 * encoding and publishing are not counted. A build that reuses a finished
 * episode synthesizes nothing and counts 0.
 */
export function synthesisClock(forward?: (progress: BuildProgress) => void, now: () => number = () => performance.now()): SynthesisClock {
  let startedAt: number | undefined;
  let endedAt: number | undefined;
  return {
    onProgress(progress) {
      if (progress.stage === 'synthesize') {
        const at = now();
        startedAt ??= at;
        if (progress.done >= progress.total) endedAt = at;
      }
      forward?.(progress);
    },
    seconds() {
      return startedAt === undefined || endedAt === undefined ? 0 : Math.max(0, endedAt - startedAt) / 1000;
    },
  };
}
