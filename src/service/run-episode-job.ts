import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { BriefingConfig } from '../config/briefing-config.js';
import type { ShowSettings } from '../publish/show-settings.js';
import { withFileLock } from '../platform/file-lock.js';
import type { Article } from '../ingest/article.js';
import { BriefingMemory, memoryPath } from '../memory/index.js';
import { buildBriefing, type BuildResult } from '../pipeline/build-briefing.js';
import type { BuildOptions, BuildProgress } from '../pipeline/build-options.js';
import { publishEpisode } from '../pipeline/publish-episode.js';
import type { SynthesisStats } from '../synthesize/synthesized-block.js';
import type { Redis } from 'ioredis';
import { episodeBuildOptions } from './episode-build-options.js';
import { runS3EpisodeJob } from './s3-episode-job.js';
import type { S3Location } from './shared-store.js';
import type { EpisodeJobData } from './episode-request.js';
import type { publicOnlyFetch } from './public-only-fetch.js';
import { jobSourceName, readJobInput } from './read-job-input.js';
import { synthesisClock } from './synthesis-clock.js';

/** Name of the lock that makes publishing (feed, show page, state of seen stories) one step at a time. */
export const PUBLISH_LOCK_FILE = '.publish.lock';

/** Where a worker builds and publishes. */
export interface EpisodeWorkspace {
  /** The shared output folder: episode folders, feed, show page. */
  outputDirectory: string;
  /** The shared synthesis cache. */
  cacheDirectory: string;
  /** The worker's configuration: the show and the defaults of every build. */
  config: BriefingConfig;
  show: ShowSettings;
  /** Synthesis requests in flight at once within one build. */
  jobs?: number;
  /** Set for an S3 store: the bucket is the shared store, and the folders above are this machine's working copies. */
  s3?: S3Location;
  /**
   * The fetch that reads posted URLs and feeds and the pages their items
   * link to; the worker gives one that reaches public addresses only
   * (see {@link publicOnlyFetch}). Default: the global fetch.
   */
  fetch?: typeof fetch;
}

/** What a finished job reports (kept on the job by BullMQ). */
export interface EpisodeJobResult {
  /** The episode folder's name in the output folder. */
  episode: string;
  title: string;
  durationMs: number;
  synthesis: SynthesisStats;
  /**
   * Seconds spent synthesizing speech: the build's own synthesis stage, plus
   * the time of every part when the synthesis was fanned out.
   */
  synthesisSeconds: number;
  /** Seconds the whole build took: reading, synthesis, assembly, encoding and publishing. */
  buildSeconds: number;
  /**
   * Seconds the job held the publishing lock (feed, show page, seen stories):
   * the one step all workers take in turn, so at most one episode per this
   * many seconds is published however many workers there are.
   */
  publishSeconds: number;
}

/** What a job's build is told besides its data: where it reports and when it stops. */
export interface JobRun {
  signal?: AbortSignal;
  onProgress?: (progress: BuildProgress) => void;
}

/**
 * The build options of a job, its stories read once (see
 * {@link readJobInput}) unless the job already carries them: the same for
 * the build and for every part of a fanned-out synthesis, so all of them
 * name the same pieces in the shared cache. `scratch` is the folder the
 * request's options are resolved against.
 */
export async function jobBuildOptions(data: EpisodeJobData, workspace: EpisodeWorkspace, scratch: string, memory?: BriefingMemory, run: JobRun = {}): Promise<BuildOptions> {
  const settings = {
    ...episodeBuildOptions(workspace.config, data.options, scratch),
    outputDirectory: workspace.outputDirectory,
    cache: workspace.cacheDirectory,
    now: () => new Date(data.submittedAt),
    showLanguage: workspace.show.language,
    coverImage: workspace.show.coverImage ?? (false as const),
    ...(data.title ? { title: data.title } : {}),
    ...(data.description ? { description: data.description } : {}),
    ...(workspace.jobs !== undefined ? { jobs: workspace.jobs } : {}),
    ...(run.signal ? { signal: run.signal } : {}),
    ...(run.onProgress ? { onProgress: run.onProgress } : {}),
  };
  const read =
    data.read ??
    (await readJobInput(data.input, {
      ...settings,
      ...(workspace.fetch ? { fetch: workspace.fetch } : {}),
      ...(data.input.kind === 'feed' && memory ? { skip: (article: Article) => article.guid !== undefined && memory.has(article) } : {}),
    }));
  return { ...settings, inputs: [jobSourceName(data.input)], read };
}

/** What a finished job reports: its episode, its synthesis seconds and how long the build took since `started` (ms since the epoch). */
export function jobResult(result: BuildResult, started: number, synthesisSeconds: number, publishSeconds: number): EpisodeJobResult {
  return {
    episode: basename(result.directory),
    title: result.manifest.title,
    durationMs: result.manifest.durationMs,
    synthesis: result.manifest.synthesis,
    synthesisSeconds,
    buildSeconds: (Date.now() - started) / 1000,
    publishSeconds,
  };
}

/**
 * Builds and publishes one job's episode. The build writes through a staging
 * folder, so a killed worker leaves no finished-looking episode; publishing
 * runs under one lock in the output folder, so workers on any number of
 * machines sharing that folder update the feed one at a time. The episode's
 * date is the time the job was accepted and its folder is chosen by content,
 * so a retried job replaces its own folder and feed item instead of adding
 * a second one. An S3 store is built and published by {@link runS3EpisodeJob}.
 */
export async function runEpisodeJob(
  data: EpisodeJobData,
  workspace: EpisodeWorkspace,
  options: JobRun & { redis?: Redis } = {},
): Promise<EpisodeJobResult> {
  if (workspace.s3) {
    if (!options.redis) throw new Error('an S3 store needs a Redis connection for its publishing lock');
    return runS3EpisodeJob(data, workspace, options.redis, options);
  }
  const started = Date.now();
  const clock = synthesisClock(options.onProgress);
  const run: JobRun = { ...(options.signal ? { signal: options.signal } : {}), onProgress: clock.onProgress };
  const scratch = await mkdtemp(join(tmpdir(), 'briefing-job-'));
  try {
    const memory = await BriefingMemory.load(memoryPath(workspace.outputDirectory));
    const result = await buildBriefing(await jobBuildOptions(data, workspace, scratch, memory, run));
    let publishSeconds = 0;
    await withFileLock(join(workspace.outputDirectory, PUBLISH_LOCK_FILE), async () => {
      const locked = performance.now();
      await publishEpisode(workspace.outputDirectory, result, workspace.show, workspace.config.keep !== undefined ? { keep: workspace.config.keep } : {});
      const latest = await BriefingMemory.load(memoryPath(workspace.outputDirectory));
      latest.remember(result.articles.filter((article) => article.guid !== undefined), basename(result.directory), new Date());
      await latest.save();
      publishSeconds = (performance.now() - locked) / 1000;
    });
    return jobResult(result, started, clock.seconds(), publishSeconds);
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
