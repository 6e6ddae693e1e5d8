import { mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import type { Redis } from 'ioredis';
import { FEED_FILE_NAME } from '../feed/update-podcast-feed.js';
import { BriefingMemory, MEMORY_FILE_NAME, memoryPath } from '../memory/index.js';
import { PAGE_FILE_NAME } from '../pages/write-pages.js';
import { buildBriefing, type BuildResult } from '../pipeline/build-briefing.js';
import { publishEpisode } from '../pipeline/publish-episode.js';
import { contentTypeFor } from '../serve/content-type.js';
import type { EpisodeJobData } from './episode-request.js';
import { withRedisLock } from './redis-lock.js';
import { S3AudioCache } from './s3-audio-cache.js';
import { isWriteConflict, S3Store, type WriteCondition } from './s3-store.js';
import { jobBuildOptions, jobResult, type EpisodeJobResult, type EpisodeWorkspace, type JobRun } from './episode-job.js';
import { synthesisClock } from './synthesis-clock.js';

/** The manifest's name: the object whose presence makes an episode present. */
export const MANIFEST_NAME = 'manifest.json';

/** The objects that publishing reads, changes and writes back, under one lock. */
const SHARED_FILES = [FEED_FILE_NAME, PAGE_FILE_NAME, MEMORY_FILE_NAME];

/** The Redis key of an S3 store's publishing lock. */
export function publishLockKey(workspace: EpisodeWorkspace): string {
  const s3 = workspace.s3!;
  return `briefing:publish-lock:${s3.endpoint ?? 'aws'}/${s3.bucket}/${s3.prefix}`;
}

/**
 * Copies what a build and publishing read from the bucket into `out`: the
 * feed, the show page, the state of seen stories (their ETags returned, for
 * conditional writes) and every episode's manifest but `skip`'s (so folder
 * names are chosen and the show page is listed as in a shared folder).
 */
async function mirrorPublished(store: S3Store, out: string, skip?: string): Promise<Map<string, string>> {
  const etags = new Map<string, string>();
  await mkdir(out, { recursive: true });
  // Episodes removed from the bucket since the last look are gone here too.
  for (const entry of await readdir(out, { withFileTypes: true })) {
    if (entry.isDirectory() && entry.name !== skip) await rm(join(out, entry.name), { recursive: true, force: true });
  }
  for (const name of SHARED_FILES) {
    const found = await store.get(name);
    if (found) {
      await writeFile(join(out, name), found.body);
      etags.set(name, found.etag);
    } else await rm(join(out, name), { force: true });
  }
  for (const folder of await store.folders()) {
    if (folder === skip || folder.startsWith('.')) continue;
    const manifest = await store.get(`${folder}/${MANIFEST_NAME}`);
    if (!manifest) continue;
    await mkdir(join(out, folder), { recursive: true });
    await writeFile(join(out, folder, MANIFEST_NAME), manifest.body);
  }
  return etags;
}

/** Content hash of the episode the bucket holds in `folder`: a string, null for a manifest without one, undefined for no episode. */
async function remoteContentHash(store: S3Store, folder: string): Promise<string | null | undefined> {
  const found = await store.get(`${folder}/${MANIFEST_NAME}`);
  if (!found) return undefined;
  try {
    return (JSON.parse(found.body.toString('utf8')) as { contentHash?: string }).contentHash ?? null;
  } catch {
    return null;
  }
}

/**
 * The folder the built episode takes in the bucket: its own name unless the
 * bucket's folder of that name holds another episode (built meanwhile by
 * another worker), then the first free `name-N`, as a shared folder does.
 */
async function claimFolder(store: S3Store, result: BuildResult): Promise<BuildResult> {
  const name = basename(result.directory);
  const hash = result.manifest.contentHash;
  const held = async (folder: string) => {
    const found = await remoteContentHash(store, folder);
    return found !== undefined && !(hash !== undefined && found === hash);
  };
  if (!(await held(name))) return result;
  // A name the build already suffixed (`name-2`) continues its series; a title ending in a number (`top-10`) starts one.
  const series = /^(.*)-(\d+)$/.exec(name);
  const base = series && (await remoteContentHash(store, series[1]!)) !== undefined ? series[1]! : name;
  let candidate = name;
  for (let suffix = 2; await held(candidate); suffix++) candidate = `${base}-${suffix}`;
  const directory = join(dirname(result.directory), candidate);
  await rm(directory, { recursive: true, force: true });
  await rename(result.directory, directory);
  return { ...result, directory };
}

/** Uploads an episode folder: every file, then the manifest last, so the episode appears only once whole. */
async function uploadEpisode(store: S3Store, directory: string): Promise<void> {
  const folder = basename(directory);
  const names = (await readdir(directory, { withFileTypes: true })).filter((entry) => entry.isFile() && !entry.name.startsWith('.')).map((entry) => entry.name);
  // A rebuild into the same folder replaces its manifest last as well: readers see the former episode until then.
  for (const name of names.filter((entry) => entry !== MANIFEST_NAME)) {
    await store.put(`${folder}/${name}`, await readFile(join(directory, name)), contentTypeFor(name));
  }
  await store.put(`${folder}/${MANIFEST_NAME}`, await readFile(join(directory, MANIFEST_NAME)), contentTypeFor(MANIFEST_NAME));
}

/** Uploads the files publishing wrote beside the episodes (feed, show page, cover, state), each conditional on the version read. */
async function uploadShared(store: S3Store, out: string, etags: Map<string, string>): Promise<void> {
  const names = (await readdir(out, { withFileTypes: true })).filter((entry) => entry.isFile() && (!entry.name.startsWith('.') || entry.name === MEMORY_FILE_NAME)).map((entry) => entry.name);
  for (const name of names) {
    const body = await readFile(join(out, name));
    if (SHARED_FILES.includes(name)) {
      const etag = etags.get(name);
      const condition: WriteCondition = etag ? { ifMatch: etag } : { ifNoneMatch: '*' };
      await store.put(name, body, contentTypeFor(name), condition);
    } else {
      const existing = await store.get(name);
      if (!existing?.body.equals(body)) await store.put(name, body, contentTypeFor(name));
    }
  }
}

/**
 * Builds and publishes one job's episode into an S3 store. The build runs in
 * a local temporary folder, its synthesis through the bucket's shared cache;
 * then, under a Redis lock per store, the worker reads the feed, show page
 * and state of seen stories back from the bucket, uploads the episode's files
 * with its manifest last, and writes those shared objects back, each on
 * condition (`If-Match` the version it read, `If-None-Match: *` when there
 * was none), so that an update lost by a lock that expired fails the job
 * (to be retried) instead of dropping another's episode.
 */
export async function runS3EpisodeJob(
  data: EpisodeJobData,
  workspace: EpisodeWorkspace,
  redis: Redis,
  options: JobRun = {},
): Promise<EpisodeJobResult> {
  const started = Date.now();
  const clock = synthesisClock(options.onProgress);
  const store = await S3Store.open(workspace.s3!);
  const scratch = await mkdtemp(join(tmpdir(), 'briefing-job-'));
  try {
    const out = join(scratch, 'out');
    const work = join(scratch, 'work');
    await mkdir(work);
    await mirrorPublished(store, out);
    const memory = await BriefingMemory.load(memoryPath(out));
    const built = await buildBriefing({
      ...(await jobBuildOptions(data, { ...workspace, outputDirectory: out }, work, memory, { ...(options.signal ? { signal: options.signal } : {}), onProgress: clock.onProgress })),
      cache: new S3AudioCache(workspace.cacheDirectory, store),
    });
    let locked = 0;
    const result = await withRedisLock(redis, publishLockKey(workspace), async () => {
      locked = performance.now();
      const claimed = await claimFolder(store, built);
      for (let attempt = 1; ; attempt++) {
        const etags = await mirrorPublished(store, out, basename(claimed.directory));
        await publishEpisode(out, claimed, workspace.show, workspace.config.keep !== undefined ? { keep: workspace.config.keep } : {});
        const latest = await BriefingMemory.load(memoryPath(out));
        latest.remember(claimed.articles.filter((article) => article.guid !== undefined), basename(claimed.directory), new Date());
        await latest.save();
        if (attempt === 1) await uploadEpisode(store, claimed.directory);
        try {
          await uploadShared(store, out, etags);
          return claimed;
        } catch (error) {
          // Changed since read (a writer whose lock had expired, or a write of ours the client retried): read again and redo; publishing is idempotent.
          if (!isWriteConflict(error) || attempt >= 3) throw error;
        }
      }
    });
    return jobResult(result, started, clock.seconds(), (performance.now() - locked) / 1000);
  } finally {
    store.close();
    await rm(scratch, { recursive: true, force: true });
  }
}
