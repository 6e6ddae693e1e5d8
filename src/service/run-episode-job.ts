import { mkdtemp, rm, writeFile } from 'node:fs/promises';
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
}

/** What a finished job reports (kept on the job by BullMQ). */
export interface EpisodeJobResult {
  /** The episode folder's name in the output folder. */
  episode: string;
  title: string;
  durationMs: number;
  synthesis: SynthesisStats;
  /** Seconds spent building, synthesis and encoding included. */
  buildSeconds: number;
}

const INPUT_EXTENSIONS = { text: 'txt', markdown: 'md', html: 'html' } as const;

/**
 * The build options of a job, its article written into `scratch` when it
 * came as text: the same for the build and for every part of a fanned-out
 * synthesis, so all of them name the same pieces in the shared cache.
 */
export async function jobBuildOptions(data: EpisodeJobData, workspace: EpisodeWorkspace, scratch: string, memory?: BriefingMemory): Promise<BuildOptions> {
  let input: string;
  if (data.input.kind === 'url' || data.input.kind === 'feed') input = data.input.value;
  else {
    input = join(scratch, `article.${INPUT_EXTENSIONS[data.input.kind]}`);
    await writeFile(input, data.input.value);
  }
  return {
    ...episodeBuildOptions(workspace.config, data.options, scratch),
    inputs: [input],
    outputDirectory: workspace.outputDirectory,
    cache: workspace.cacheDirectory,
    now: () => new Date(data.submittedAt),
    showLanguage: workspace.show.language,
    coverImage: workspace.show.coverImage ?? false,
    ...(data.title ? { title: data.title } : {}),
    ...(data.description ? { description: data.description } : {}),
    ...(workspace.jobs !== undefined ? { jobs: workspace.jobs } : {}),
    ...(data.input.kind === 'feed' && memory ? { skip: (article: Article) => article.guid !== undefined && memory.has(article) } : {}),
  };
}

/** What a finished job reports: its episode and how long the build took since `started` (ms since the epoch). */
export function jobResult(result: BuildResult, started: number): EpisodeJobResult {
  return {
    episode: basename(result.directory),
    title: result.manifest.title,
    durationMs: result.manifest.durationMs,
    synthesis: result.manifest.synthesis,
    buildSeconds: (Date.now() - started) / 1000,
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
  options: { signal?: AbortSignal; onProgress?: (progress: BuildProgress) => void; redis?: Redis } = {},
): Promise<EpisodeJobResult> {
  if (workspace.s3) {
    if (!options.redis) throw new Error('an S3 store needs a Redis connection for its publishing lock');
    return runS3EpisodeJob(data, workspace, options.redis, options);
  }
  const started = Date.now();
  const scratch = await mkdtemp(join(tmpdir(), 'briefing-job-'));
  try {
    const memory = await BriefingMemory.load(memoryPath(workspace.outputDirectory));
    const result = await buildBriefing({
      ...(await jobBuildOptions(data, workspace, scratch, memory)),
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    });
    await withFileLock(join(workspace.outputDirectory, PUBLISH_LOCK_FILE), async () => {
      await publishEpisode(workspace.outputDirectory, result, workspace.show, workspace.config.keep !== undefined ? { keep: workspace.config.keep } : {});
      const latest = await BriefingMemory.load(memoryPath(workspace.outputDirectory));
      latest.remember(result.articles.filter((article) => article.guid !== undefined), basename(result.directory), new Date());
      await latest.save();
    });
    return jobResult(result, started);
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
