import { basename } from 'node:path';
import type { BriefingConfig } from '../config/briefing-config.js';
import type { ShowSettings } from '../publish/show-settings.js';
import type { BriefingMemory } from '../memory/index.js';
import { skipBriefedStories } from '../pipeline/briefed-stories.js';
import type { BuildResult } from '../pipeline/build-briefing.js';
import type { BuildOptions, BuildProgress } from '../pipeline/build-options.js';
import type { SynthesisStats } from '../synthesize/synthesized-block.js';
import { episodeBuildOptions } from './episode-build-options.js';
import type { S3Location } from './shared-store.js';
import type { EpisodeJobData } from './episode-request.js';
import type { publicOnlyFetch } from './public-only-fetch.js';
import { jobSourceName, readJobInput } from './read-job-input.js';

// What the folder store's job runner and the S3 store's share: where a job runs, its build options and what it reports.

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
      ...(data.input.kind === 'feed' && memory ? { skip: skipBriefedStories(memory) } : {}),
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
