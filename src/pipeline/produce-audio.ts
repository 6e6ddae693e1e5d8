import { createHash } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import { stageReporter, type RunContext } from '../platform/run-context.js';
import { assembleEpisode } from '../assemble/assemble-episode.js';
import { EpisodeAudioCache } from '../assemble/episode-audio-cache.js';
import type { LoudnessMeasurement } from '../platform/ffmpeg.js';
import type { LoudnessTarget } from '../assemble/loudness.js';
import type { TimedBlock } from '../assemble/timeline.js';
import type { SpeechEngine } from '../engines/speech-engine.js';
import type { RenderedBlock } from '../ssml/render-block.js';
import type { AudioCache } from '../synthesize/audio-cache.js';
import type { RetryPolicy } from '../synthesize/retry.js';
import { requestCacheKey, startSynthesis, type SynthesisProgress, type SynthesisRun } from '../synthesize/synthesize-blocks.js';
import { encodeWithMusic, hasMusic, shiftTimedBlocks, type MusicSettings } from '../assemble/music-mix.js';
import { buildTimeline } from '../assemble/timeline.js';
import { estimateBriefing } from '../synthesize/estimate.js';
import type { SynthesisStats } from '../synthesize/synthesized-block.js';

/** The narration as an encoded MP3 with its timing. */
export interface ProducedAudio {
  blocks: TimedBlock[];
  durationMs: number;
  /** Where the narration starts in the episode (after intro music), ms. */
  narrationOffsetMs: number;
  /** MP3 encodes this build made: 0 when the narration was reused, 2 when the first missed the loudness window. */
  encodes: number;
  loudness: LoudnessMeasurement;
  stats: SynthesisStats;
}

/** How to produce the audio. */
export interface ProduceSettings {
  engine: SpeechEngine;
  cache?: AudioCache;
  concurrency: number;
  retry: RetryPolicy;
  target: LoudnessTarget;
  encoding: { bitrateKbps: number; channels: 1 | 2 };
  /** Music under and around the narration; none when absent. */
  music?: MusicSettings;
  ffmpegPath: string;
  signal?: AbortSignal;
  onProgress?: (progress: SynthesisProgress) => void;
  /** Reports the steps after synthesis (finishing the encode, measuring, mixing), which take a while on long briefings. */
  onStep?: (message: string) => void;
  /** The run the warnings of synthesis and assembly go to. */
  context?: RunContext;
  /** Called once every piece is made, while the encode may still be finishing: the engine's threads can go. */
  onSynthesized?: () => void;
}

/**
 * Synthesizes the rendered blocks and encodes them into `paths.mp3`,
 * assembling and encoding while synthesis goes on. An unchanged narration
 * (same pieces, same encoding) is copied from the cache instead.
 */
export async function produceAudio(rendered: readonly RenderedBlock[], paths: { wav: string; mp3: string }, settings: ProduceSettings): Promise<ProducedAudio> {
  const { engine } = settings;
  const requests = rendered.reduce((count, block) => count + block.requests.filter((request) => request.kind === 'speech').length, 0);
  const episodes = settings.cache ? new EpisodeAudioCache(settings.cache.directory) : undefined;
  const engineSettings = engine.settings?.() ?? {};
  const music = hasMusic(settings.music) ? settings.music : undefined;
  const key = EpisodeAudioCache.key(
    rendered.map((block) => [block.blockId, block.requests.map((request) => (request.kind === 'silence' ? request.ms : requestCacheKey(engine, request, engineSettings)))]),
    { ...settings.encoding, target: settings.target, music: music ? await musicIdentity(music) : null },
  );
  const found = await episodes?.restore(key, paths.mp3);
  const reused = found?.status === 'hit' ? found.audio : undefined;
  if (reused) {
    settings.onProgress?.({ done: requests, total: requests, audioMs: reused.durationMs });
    return {
      blocks: reused.blocks,
      durationMs: reused.durationMs,
      narrationOffsetMs: reused.narrationOffsetMs ?? 0,
      encodes: 0,
      loudness: reused.loudness,
      stats: { requests, cacheHits: requests, cacheMisses: 0, retries: 0, billedCharacters: 0 },
    };
  }

  // Stops synthesis when assembly fails, as well as when the caller aborts.
  if (found?.status === 'damaged') {
    stageReporter(settings.context, 'assemble').warn({
      code: 'CACHE_ENTRY_DAMAGED',
      message: `the cached episode audio was damaged (${found.problem}): it was removed and assembled again`,
    });
  }
  const stop = new AbortController();
  const signal = settings.signal ? AbortSignal.any([settings.signal, stop.signal]) : stop.signal;
  const synthesis = await startSynthesis(rendered, engine, {
    ...(settings.cache ? { cache: settings.cache } : {}),
    concurrency: settings.concurrency,
    retry: settings.retry,
    signal,
    ...(settings.onProgress ? { onProgress: settings.onProgress } : {}),
    ffmpegPath: settings.ffmpegPath,
    ...(settings.context ? { context: settings.context } : {}),
  });
  synthesis.finished.then(
    () => settings.onSynthesized?.(),
    () => undefined,
  );
  try {
    if (music) return await withMusic(synthesis, paths, settings, music, key, episodes);
    const expectedMs = estimateBriefing(rendered, engine).estimatedDurationMs;
    const assembling = assembleEpisode(synthesis.blocks, { mp3: paths.mp3 }, settings.target, settings.encoding, settings.ffmpegPath, settings.signal, expectedMs);
    assembling.catch(() => stop.abort());
    synthesis.finished.then(
      () => settings.onStep?.('finishing the MP3 and measuring its loudness'),
      () => undefined,
    );
    const [synthesized, assembled] = await Promise.allSettled([synthesis.finished, assembling]);
    // When assembly failed first, synthesis was stopped because of it: the assembly error is the one to report, not the stop.
    if (assembled.status === 'rejected' && stop.signal.aborted) throw assembled.reason;
    if (synthesized.status === 'rejected') throw synthesized.reason;
    if (assembled.status === 'rejected') throw assembled.reason;
    const { timeline, loudness, gainDb, passes } = assembled.value;
    await episodes?.store(key, paths.mp3, { blocks: timeline.blocks, durationMs: timeline.durationMs, sampleRate: timeline.sampleRate, loudness, gainDb, narrationOffsetMs: 0 });
    return { blocks: timeline.blocks, durationMs: timeline.durationMs, narrationOffsetMs: 0, loudness, encodes: passes, stats: synthesis.stats };
  } finally {
    await synthesis.dispose();
  }
}

/**
 * With music the mix needs the whole narration first: synthesis finishes,
 * the narration is assembled, then mixed and encoded in stereo, and every
 * time moves by where the narration starts.
 */
async function withMusic(
  synthesis: SynthesisRun,
  paths: { wav: string; mp3: string },
  settings: ProduceSettings,
  music: MusicSettings,
  key: string,
  episodes: EpisodeAudioCache | undefined,
): Promise<ProducedAudio> {
  await synthesis.finished;
  settings.onStep?.('assembling the narration');
  const timeline = await buildTimeline(synthesis.blocks, paths.wav, settings.ffmpegPath, settings.signal);
  settings.onStep?.('mixing the music, encoding the MP3 and measuring its loudness');
  const encoded = await encodeWithMusic(paths.wav, paths.mp3, settings.target, music, { bitrateKbps: settings.encoding.bitrateKbps }, settings.ffmpegPath, settings.signal);
  await rm(paths.wav, { force: true });
  const blocks = shiftTimedBlocks(timeline.blocks, encoded.narrationOffsetMs);
  await episodes?.store(key, paths.mp3, {
    blocks,
    durationMs: encoded.durationMs,
    sampleRate: timeline.sampleRate,
    loudness: encoded.loudness,
    gainDb: encoded.gainDb,
    narrationOffsetMs: encoded.narrationOffsetMs,
  });
  return {
    blocks,
    durationMs: encoded.durationMs,
    narrationOffsetMs: encoded.narrationOffsetMs,
    loudness: encoded.loudness,
    encodes: encoded.passes,
    stats: synthesis.stats,
  };
}

/** What identifies the music of a mix: its settings and the content of its files. */
async function musicIdentity(music: MusicSettings): Promise<unknown> {
  const files: Record<string, string> = {};
  for (const name of ['intro', 'outro', 'bed'] as const) {
    const path = music[name];
    if (path) files[name] = createHash('sha256').update(await readFile(path)).digest('hex');
  }
  return { files, bedLevelDb: music.bedLevelDb ?? null, fadeMs: music.fadeMs ?? null };
}
