import { cpus } from 'node:os';
import { mkdir, rmdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { writeFileAtomic } from '../platform/atomic-file.js';
import { PODCAST_LOUDNESS } from '../assemble/loudness.js';
import { AudioCache, defaultCacheDirectory } from '../synthesize/audio-cache.js';
import { createWorkerPoolEngine, workerThreadsAvailable } from '../synthesize/worker-pool-engine.js';
import { DEFAULT_ENGINE } from '../engines/default-engine.js';
import { collectGarbage } from '../synthesize/collect-garbage.js';
import type { SpeechEngine } from '../engines/speech-engine.js';
import { DEFAULT_RETRY_POLICY } from '../synthesize/retry.js';
import type { Manifest } from '../publish/manifest.js';
import { templatePath } from '../publish/templates-folder.js';
import { manifestBlocks, manifestChapters, manifestStories } from '../publish/build-manifest.js';
import type { BuildOptions } from './build-options.js';
import { EpisodeStaging } from './episode-folder.js';
import { episodeContentHash } from './episode-identity.js';
import { fileSettings, findFinishedEpisode, mayHoldEpisodeOf } from './finished-episode.js';
import type { PreparedBriefing } from './prepare-briefing.js';
import { resolveEngine } from './resolve-engine.js';
import { slugify } from './slug.js';
import { EPISODE_FILES } from '../publish/episode-files.js';
import type { BuildResult } from './build-briefing.js';
import { asDiskFull } from '../disk-full.js';

/** The engine of a build and how many requests it takes at once. */
interface StartedEngine {
  engine: SpeechEngine;
  concurrency: number;
  /** True when the engine is a pool of worker threads (closing it twice is harmless). */
  threads?: boolean;
}

/**
 * Makes the engine before the articles are read. Embedded engines compute on
 * the calling thread, so they run on worker threads (one engine instance
 * each, sharing one compiled module). With `threads` the threads start now and
 * are ready by the time the articles are read and rendered; without, the
 * engine is returned as made and {@link onThreads} starts them later (a
 * rebuild that may reuse a finished episode needs none). Even one job runs on
 * a worker: the main thread stays free to assemble and encode.
 */
async function startEngine(options: BuildOptions, threads: boolean): Promise<StartedEngine> {
  const engine = await resolveEngine(options);
  try {
    await engine.verify?.(options.signal);
  } catch (error) {
    await engine.close?.();
    throw error;
  }
  const concurrency = Math.max(1, Math.floor(options.jobs ?? (engine.capabilities.embedded ? cpus().length : 4)));
  return threads ? onThreads({ engine, concurrency }, options) : { engine, concurrency };
}

/** `started` moved onto worker threads when its engine is an embedded one that can run there (else as it is). */
async function onThreads(started: StartedEngine, options: BuildOptions): Promise<StartedEngine> {
  const { engine, concurrency } = started;
  if (started.threads || !engine.capabilities.embedded || typeof options.engine === 'object' || !workerThreadsAvailable()) return started;
  // The first thread compiles the engine's module while the articles are read here; the others take it from that thread.
  const pool = createWorkerPoolEngine(engine, { engine: options.engine ?? DEFAULT_ENGINE, options: { ...(options.engineOptions ?? {}) } }, concurrency);
  pool.warm?.();
  return { engine: pool, concurrency, threads: true };
}

/**
 * What only a build that makes audio needs (ffmpeg, synthesis),
 * imported once a build knows it is not an unchanged rebuild.
 */
async function audioModules() {
  const [{ produceAudio }, { checkBuildFiles }, { resolveFfmpegPath, decodedDurationMs }] = await Promise.all([
    import('./produce-audio.js'),
    import('./check-build-files.js'),
    import('../platform/ffmpeg.js'),
  ]);
  return { produceAudio, checkBuildFiles, resolveFfmpegPath, decodedDurationMs };
}

/** The episode description used in tags when none is configured: the standfirst or the story titles. */
function describeEpisode(prepared: PreparedBriefing): string {
  if (prepared.stories.length > 1) return prepared.stories.map((story) => story.title).join(' · ');
  const standfirst = prepared.segments.find((block) => block.kind === 'standfirst');
  return standfirst?.text ?? prepared.title;
}

/** What {@link buildBriefing} settled before it found no finished episode to reuse. */
export interface EpisodeBuildStart {
  now: Date;
  /** The episode's date, YYYY-MM-DD. */
  date: string;
  /** The output folder, absolute. */
  outputDirectory: string;
  /** The build's rebuild key, when its inputs have one. */
  rebuildKey?: string;
}

/**
 * The part of {@link buildBriefing} after an unchanged rebuild was ruled
 * out by its rebuild key: reads and renders the articles, reuses a finished
 * episode of the same content if there is one, else synthesizes, encodes
 * and writes the episode folder. Loaded only by builds that get this far.
 */
export async function buildEpisode(options: BuildOptions, start: EpisodeBuildStart): Promise<BuildResult> {
  const { now, date, outputDirectory } = start;
  const key = start.rebuildKey;
  // Threads start at once unless this could be an unchanged rebuild, which needs none; they boot while the modules that read articles load.
  let started = await startEngine(options, !(await mayHoldEpisodeOf(outputDirectory, date)));
  const preparing = import('./prepare-briefing.js');
  preparing.catch(() => {});
  // Whatever ends the build (a finished episode reused, an error, success), the engine it started is closed.
  try {
    const { prepareBriefing } = await preparing;
    const prepared = await prepareBriefing({ ...options, engine: started.engine, now: () => now });
    const target = {
      ...PODCAST_LOUDNESS,
      ...(options.loudnessLufs !== undefined ? { integratedLufs: options.loudnessLufs } : {}),
      ...(options.truePeakDbtp !== undefined ? { truePeakDbtp: options.truePeakDbtp } : {}),
    };
    const encoding = options.music ? { bitrateKbps: Math.max(128, options.bitrateKbps ?? 128), channels: 2 as const } : { bitrateKbps: options.bitrateKbps ?? 64, channels: 1 as const };
    const tags = {
      show: options.show ?? 'Briefing',
      ...(options.showAuthor ? { author: options.showAuthor } : {}),
      description: options.description ?? describeEpisode(prepared),
      ...(options.coverImage !== false ? { coverImage: options.coverImage ?? templatePath('cover.png') } : {}),
    };
    const contentHash = episodeContentHash({
      title: prepared.title,
      date,
      stories: prepared.articles,
      blocks: prepared.segments,
      rendered: prepared.rendered,
      engine: started.engine.id,
      ...(options.engineOptions ? { engineOptions: options.engineOptions } : {}),
      settings: { target, encoding, music: options.music || null, tags },
    });
    const episodeName = `${date}-${slugify(prepared.title)}`;
    const finished = await findFinishedEpisode(outputDirectory, episodeName, contentHash, fileSettings(options), started.engine.version);
    if (finished) {
      options.onProgress?.({ stage: 'encode', message: 'the episode is unchanged: reusing its finished files' });
      // Built before from other files or by another briefing: the next rebuild from these is known before reading them.
      if (key !== undefined && finished.manifest.rebuildKey !== key) {
        finished.manifest.rebuildKey = key;
        await writeFileAtomic(join(finished.directory, 'manifest.json'), `${JSON.stringify(finished.manifest, null, 2)}\n`);
      }
      return { directory: finished.directory, manifest: finished.manifest, articles: prepared.articles, reused: true };
    }
    started = await onThreads(started, options);
    const { engine, concurrency } = started;
    // What reading the articles parsed is garbage now: collected before synthesis, not at its peak.
    if (started.threads) collectGarbage();
    const modules = await audioModules();
    const { produceAudio, checkBuildFiles, decodedDurationMs } = modules;
    // What writes the episode's files (the ID3 tagger among it) loads once synthesis is done, while the encoder finishes.
    let writing: Promise<typeof import('../publish/write-episode-files.js')> | undefined;
    const writerModules = () => (writing ??= import('../publish/write-episode-files.js'));
    const audioFile = EPISODE_FILES.audio;
    const manifestFile = EPISODE_FILES.manifest;
    const ffmpegPath = options.ffmpegPath ?? modules.resolveFfmpegPath(options.env);
    await checkBuildFiles({ music: options.music ?? false, coverImage: options.coverImage ?? false }, ffmpegPath, options.signal);
    const cache = options.cache === false ? undefined : options.cache instanceof AudioCache ? options.cache : new AudioCache(options.cache ?? defaultCacheDirectory(options.env));

    // The first folder this build made, if any: a failed build takes back what it made and left empty.
    let createdFolder: string | undefined;
    try {
      createdFolder = await mkdir(outputDirectory, { recursive: true });
      const staging = await EpisodeStaging.create(outputDirectory, episodeName);
      try {
        const audio = await produceAudio(prepared.rendered, { wav: staging.file('narration.wav'), mp3: staging.file(audioFile) }, {
          engine,
          ...(cache ? { cache } : {}),
          concurrency,
          retry: { ...DEFAULT_RETRY_POLICY, ...(options.retries !== undefined ? { retries: options.retries } : {}) },
          target,
          encoding,
          ...(options.music ? { music: options.music } : {}),
          ffmpegPath,
          ...(options.signal ? { signal: options.signal } : {}),
          onProgress: (progress) => options.onProgress?.({ stage: 'synthesize', ...progress }),
          onStep: (message) => options.onProgress?.({ stage: 'encode', message }),
          context: prepared.context,
          // The worker threads hold an engine each: let them go while the encode finishes and the episode is published; load what writes the files meanwhile.
          onSynthesized: () => {
            if (started.threads) void engine.close?.()?.catch(() => {});
            writerModules().catch(() => {});
          },
        });
        options.onProgress?.({ stage: 'encode', message: 'encoded the MP3 at podcast loudness' });
        const timeline = { blocks: audio.blocks, durationMs: audio.durationMs };
        const blocks = manifestBlocks(prepared.blocks, prepared.rendered, timeline);
        const first = prepared.stories[0];
        const mp3DurationMs = audio.loudness.durationMs ?? (await decodedDurationMs(staging.file(audioFile), ffmpegPath, options.signal));
        const manifest: Manifest = {
          version: 1,
          title: prepared.title,
          contentHash,
          ...(key !== undefined ? { rebuildKey: key } : {}),
          createdAt: now.toISOString(),
          date,
          language: prepared.language,
          ...(prepared.stories.length === 1 && first?.author ? { author: first.author } : {}),
          ...(prepared.stories.length === 1 && first?.publishedAt ? { publishedAt: first.publishedAt } : {}),
          ...(options.description !== undefined ? { description: options.description } : {}),
          audio: audioFile,
          durationMs: Math.round(timeline.durationMs),
          engine: engine.id,
          engineVersion: engine.version,
          voice: prepared.voice,
          stories: manifestStories(prepared.stories, blocks),
          blocks,
          chapters: manifestChapters(blocks, prepared.stories, timeline.durationMs, audio.narrationOffsetMs),
          dropped: prepared.stories.flatMap((story, index) => story.dropped.map((drop) => ({ story: index, ...drop }))),
          loudness: { integratedLufs: audio.loudness.integratedLufs, truePeakDbtp: audio.loudness.truePeakDbtp, loudnessRangeLu: audio.loudness.loudnessRangeLu, targetLufs: target.integratedLufs, truePeakLimitDbtp: target.truePeakDbtp, encodes: audio.encodes },
          synthesis: audio.stats,
          files: [],
          warnings: [],
        };
        options.onProgress?.({ stage: 'publish', message: 'writing captions, transcript, chapters and tags' });
        const { writeEpisodeFiles } = await writerModules();
        const published = await writeEpisodeFiles(
          staging.directory,
          manifest,
          tags,
          mp3DurationMs,
          prepared.context,
        );
        manifest.files = published.files;
        manifest.warnings = prepared.context.warnings;
        await writeFile(staging.file(manifestFile), `${JSON.stringify(manifest, null, 2)}\n`);
        const directory = await staging.commit(contentHash);
        return { directory, manifest, articles: prepared.articles, reused: false };
      } catch (error) {
        await staging.discard();
        throw error;
      }
    } catch (error) {
      if (createdFolder !== undefined) await removeEmptyFolders(outputDirectory, createdFolder);
      throw asDiskFull(error, outputDirectory, 'output folder');
    }
  } finally {
    await started.engine.close?.();
  }
}

/** Removes `folder` and its parents up to `top` (inclusive) while they are empty. */
async function removeEmptyFolders(folder: string, top: string): Promise<void> {
  let current = folder;
  for (;;) {
    try {
      await rmdir(current);
    } catch {
      return;
    }
    if (current === top) return;
    const parent = dirname(current);
    if (parent === current) return;
    current = parent;
  }
}
