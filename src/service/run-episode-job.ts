import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { withFileLock } from '../platform/file-lock.js';
import { BriefingMemory, memoryPath } from '../memory/index.js';
import { buildBriefing } from '../pipeline/build-briefing.js';
import { publishEpisode } from '../pipeline/publish-episode.js';
import type { Redis } from 'ioredis';
import { runS3EpisodeJob } from './s3-episode-job.js';
import { jobBuildOptions, jobResult, type EpisodeJobResult, type EpisodeWorkspace, type JobRun } from './episode-job.js';
import type { EpisodeJobData } from './episode-request.js';
import { synthesisClock } from './synthesis-clock.js';

/** Name of the lock that makes publishing (feed, show page, state of seen stories) one step at a time. */
export const PUBLISH_LOCK_FILE = '.publish.lock';

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
