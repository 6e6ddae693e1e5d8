import { BriefingError } from '../errors.js';
import {
  EPISODE_SAMPLE_RATE,
  measureLoudness,
  measureMixInputs,
  renderMusicMix,
  type LoudnessMeasurement,
  type MixInputMeasurements,
  type MusicMixPlan,
} from '../platform/ffmpeg.js';
import { clampGain, type LoudnessTarget } from './loudness.js';
import type { TimedBlock } from './timeline.js';
import type { MusicSettings } from './music-settings.js';

export { defaultMusic, type MusicSettings } from './music-settings.js';

/** Default bed level under speech, LU relative to the speech. */
export const DEFAULT_BED_LEVEL_DB = -22;
/** Default length of the bed's fades, ms. */
export const DEFAULT_MUSIC_FADE_MS = 2000;
/** How far the narration overlaps the end of the intro, ms (at most a third of the intro). */
export const INTRO_OVERLAP_MS = 1000;
/** Each pass of a looped bed crossfades into the next over this long (the shipped bed carries this much extra audio). */
export const BED_LOOP_CROSSFADE_MS = 500;
/** Intro and outro sit this far below the speech, LU. */
const MUSIC_LEVEL_DB = -2;
/** How much the ducker takes off the bed while speech plays, dB (what the settings below give on speech at the target). */
const BED_DUCK_DB = 10;
/** The ducker hears the narration this much early, so the bed is already down at the first word. */
const DUCK_LOOKAHEAD_MS = 100;
/** Room left under the true-peak ceiling for inter-sample peaks and the MP3 encoder (as for speech alone). */
const LIMITER_HEADROOM_DB = 1.2;
/** LAME at these settings comes out about this much quieter than its input (measured on speech and on the shipped music). */
const MP3_LEVEL_LOSS_DB = 0.4;
/** A mono narration copied to both channels measures this much louder. */
const DUAL_MONO_DB = 10 * Math.log10(2);
/** With music the episode is stereo at 128 kbps or more. */
export const MUSIC_MIN_BITRATE_KBPS = 128;

/** What encoding with music produced. */
export interface EncodedMusicEpisode {
  /** Loudness of the finished MP3, measured by ffmpeg. */
  loudness: LoudnessMeasurement;
  /** Gain applied to the narration, dB (its level in the mix plus the master correction). */
  gainDb: number;
  /** Encodes made: 1, or 2 when the first missed the window. */
  passes: number;
  /** Where the narration starts in the MP3, ms: add it to every block, sentence and word time. */
  narrationOffsetMs: number;
  /** Length of the MP3's audio, ms. */
  durationMs: number;
  channels: 2;
  bitrateKbps: number;
}

/**
 * Where the narration starts, ms (a whole number): over the last second of
 * the intro (at most a third of it) when there is one; else after the bed's
 * fade-in when there is a bed; else at once.
 */
export function narrationOffsetMs(introSamples: number | undefined, hasBed: boolean, fadeMs: number): number {
  if (introSamples !== undefined) {
    const introMs = Math.round((introSamples / EPISODE_SAMPLE_RATE) * 1000);
    return Math.max(0, introMs - Math.min(INTRO_OVERLAP_MS, Math.round(introMs / 3)));
  }
  return hasBed ? Math.round(fadeMs) : 0;
}

/**
 * Lays out a mix from the measured inputs: where each part sits, and gains
 * that put the speech at the target, the intro and outro 2 LU under it, and
 * the ducked bed `bedLevelDb` under it; a master gain corrects for what the
 * music adds to the whole and for what the MP3 encoder takes off.
 */
export function planMusicMix(
  narrationPath: string,
  music: MusicSettings,
  measured: MixInputMeasurements,
  target: LoudnessTarget,
): MusicMixPlan & { narrationOffsetMs: number } {
  const rate = EPISODE_SAMPLE_RATE;
  const toSamples = (ms: number) => Math.round((ms / 1000) * rate);
  const fadeMs = Math.max(0, music.fadeMs ?? DEFAULT_MUSIC_FADE_MS);
  const bedLevelDb = music.bedLevelDb ?? DEFAULT_BED_LEVEL_DB;
  const pieces = musicPieces(music);
  const measuredPiece = (kind: 'intro' | 'bed' | 'outro') => {
    const index = pieces.findIndex((piece) => piece.kind === kind);
    return index < 0 ? undefined : { path: pieces[index]!.path, ...measured.music[index]! };
  };
  const intro = measuredPiece('intro');
  const bed = measuredPiece('bed');
  const outro = measuredPiece('outro');
  for (const piece of [intro, bed, outro]) {
    if (piece && (!Number.isFinite(piece.integratedLufs) || piece.samples <= 0)) {
      throw new BriefingError('FFMPEG_FAILED', `music: ${piece.path} is silent or empty`);
    }
  }
  if (!Number.isFinite(measured.narration.integratedLufs)) {
    throw new BriefingError('FFMPEG_FAILED', 'loudness: the narration is silent; nothing to normalize');
  }

  const speechMs = (measured.narration.samples / measured.narration.sampleRate) * 1000;
  const offsetMs = narrationOffsetMs(intro?.samples, bed !== undefined, fadeMs);
  const speechEndMs = Math.round(offsetMs + speechMs);
  const speechGainDb = target.integratedLufs - (measured.narration.integratedLufs + DUAL_MONO_DB);
  const plan: MusicMixPlan & { narrationOffsetMs: number } = {
    narrationOffsetMs: offsetMs,
    narration: { path: narrationPath, gainDb: speechGainDb, startMs: offsetMs },
    masterGainDb: 0,
    totalSamples: toSamples(speechEndMs),
  };
  const extendTo = (samples: number) => {
    plan.totalSamples = Math.max(plan.totalSamples, samples);
  };
  // Energy of each part over time, to predict the loudness of the whole.
  const energy: { seconds: number; lufs: number }[] = [{ seconds: speechMs / 1000, lufs: target.integratedLufs }];

  if (intro) {
    const fadeOutSamples = Math.max(1, intro.samples - toSamples(offsetMs));
    plan.intro = {
      path: intro.path,
      gainDb: target.integratedLufs + MUSIC_LEVEL_DB - intro.integratedLufs,
      fadeOutStartSample: intro.samples - fadeOutSamples,
      fadeOutSamples,
    };
    extendTo(intro.samples);
    energy.push({ seconds: intro.samples / rate, lufs: target.integratedLufs + MUSIC_LEVEL_DB });
  }
  if (bed) {
    const startMs = Math.max(0, offsetMs - fadeMs);
    const endMs = speechEndMs + fadeMs;
    const crossfade = Math.min(toSamples(BED_LOOP_CROSSFADE_MS), Math.floor(bed.samples / 4));
    if (bed.samples - crossfade < rate) throw new BriefingError('FFMPEG_FAILED', `music: the bed ${bed.path} is shorter than a second`);
    plan.bed = {
      path: bed.path,
      gainDb: target.integratedLufs + bedLevelDb + BED_DUCK_DB - bed.integratedLufs,
      startMs,
      samples: toSamples(endMs - startMs),
      fadeInSamples: toSamples(Math.max(10, offsetMs - startMs)),
      fadeOutSamples: toSamples(Math.max(10, fadeMs)),
      loopSamples: bed.samples - crossfade,
      loopCrossfadeSamples: Math.max(1, crossfade),
      sidechainStartMs: Math.max(0, offsetMs - DUCK_LOOKAHEAD_MS),
      // On speech at the target this takes about BED_DUCK_DB off the bed.
      duck: { thresholdDb: target.integratedLufs - 14, ratio: 3, attackMs: 60, releaseMs: 1500 },
    };
    extendTo(toSamples(endMs));
    energy.push({ seconds: (endMs - startMs) / 1000, lufs: target.integratedLufs + bedLevelDb });
  }
  if (outro) {
    plan.outro = { path: outro.path, gainDb: target.integratedLufs + MUSIC_LEVEL_DB - outro.integratedLufs, startMs: speechEndMs };
    extendTo(toSamples(speechEndMs) + outro.samples);
    energy.push({ seconds: outro.samples / rate, lufs: target.integratedLufs + MUSIC_LEVEL_DB });
  }
  const seconds = speechMs / 1000 + (intro?.samples ?? 0) / rate + (outro?.samples ?? 0) / rate;
  plan.masterGainDb = clampGain(target.integratedLufs - predictedLoudness(energy, seconds) + MP3_LEVEL_LOSS_DB);
  return plan;
}

/** Power-average loudness of parts laid end to end (the bed overlaps the speech, so it adds energy, not time). */
function predictedLoudness(parts: readonly { seconds: number; lufs: number }[], seconds: number): number {
  const total = parts.reduce((sum, part) => sum + part.seconds * 10 ** (part.lufs / 10), 0);
  return 10 * Math.log10(total / Math.max(seconds, 0.001));
}

function musicPieces(music: MusicSettings): { kind: 'intro' | 'bed' | 'outro'; path: string }[] {
  return (['intro', 'bed', 'outro'] as const).flatMap((kind) => (music[kind] ? [{ kind, path: music[kind]! }] : []));
}

/** True when the settings name any music at all. */
export function hasMusic(music: MusicSettings | undefined): music is MusicSettings {
  return music !== undefined && musicPieces(music).length > 0;
}

/**
 * Encodes the narration WAV with music to a stereo CBR MP3 (at least 128
 * kbps) at the loudness target: one analysis run (narration and music
 * measured together), the mix and encode in one run, then the MP3 is
 * measured; if it missed the window the master gain is corrected and the
 * mix encoded once more. Returns where the narration starts in the MP3.
 */
export async function encodeWithMusic(
  input: string,
  output: string,
  target: LoudnessTarget,
  music: MusicSettings,
  encoding: { bitrateKbps?: number },
  ffmpegPath: string,
  signal?: AbortSignal,
): Promise<EncodedMusicEpisode> {
  if (!hasMusic(music)) throw new BriefingError('USAGE', 'music: name an intro, an outro or a bed');
  const measured = await measureMixInputs(
    input,
    musicPieces(music).map((piece) => piece.path),
    ffmpegPath,
    signal,
  );
  const plan = planMusicMix(input, music, measured, target);
  const bitrateKbps = Math.max(MUSIC_MIN_BITRATE_KBPS, encoding.bitrateKbps ?? MUSIC_MIN_BITRATE_KBPS);
  let limiterCeilingDb = target.truePeakDbtp - LIMITER_HEADROOM_DB;
  let loudness: LoudnessMeasurement | undefined;
  let passes = 0;
  for (passes = 1; passes <= 2; passes += 1) {
    await renderMusicMix(plan, output, { format: 'mp3', bitrateKbps, limiterCeilingDb }, ffmpegPath, signal);
    loudness = await measureLoudness(output, ffmpegPath, signal);
    const miss = target.integratedLufs - loudness.integratedLufs;
    const overPeak = loudness.truePeakDbtp - target.truePeakDbtp;
    if ((Math.abs(miss) <= target.toleranceLu / 2 && overPeak <= 0) || passes === 2) break;
    plan.masterGainDb = clampGain(plan.masterGainDb + miss);
    limiterCeilingDb -= Math.max(0, overPeak);
  }
  return {
    loudness: loudness!,
    gainDb: plan.narration.gainDb + plan.masterGainDb,
    passes,
    narrationOffsetMs: plan.narrationOffsetMs,
    durationMs: (plan.totalSamples / EPISODE_SAMPLE_RATE) * 1000,
    channels: 2,
    bitrateKbps,
  };
}

/** Block, sentence and word times moved later by `offsetMs` (the narration's start in a mix with music). */
export function shiftTimedBlocks(blocks: readonly TimedBlock[], offsetMs: number): TimedBlock[] {
  return blocks.map((block) => ({
    ...block,
    startMs: block.startMs + offsetMs,
    endMs: block.endMs + offsetMs,
    speechEndMs: block.speechEndMs + offsetMs,
    sentences: block.sentences.map((sentence) => ({
      ...sentence,
      startMs: sentence.startMs + offsetMs,
      endMs: sentence.endMs + offsetMs,
      ...(sentence.words ? { words: sentence.words.map((word) => ({ ...word, startMs: word.startMs + offsetMs, endMs: word.endMs + offsetMs })) } : {}),
    })),
  }));
}
