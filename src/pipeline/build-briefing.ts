import { resolve } from 'node:path';
import type { Manifest } from '../publish/manifest.js';
import type { Article } from '../ingest/article.js';
import type { BuildOptions } from './build-options.js';
import { removeStaleStaging } from './stale-staging.js';
import { fileSettings, findEpisodeBuiltFrom } from './finished-episode.js';
import { rebuildKey } from './rebuild-key.js';
import { isoDate } from './slug.js';

/** What a build produced. */
export interface BuildResult {
  /** The finished episode folder. */
  directory: string;
  manifest: Manifest;
  /** The stories the episode was made from. */
  articles: Article[];
  /** True when an unchanged rebuild reused the finished episode folder as it was (nothing synthesized, encoded or written). */
  reused: boolean;
}

/**
 * The stories of an episode reused through its rebuild key, as its manifest
 * records them: they were not read again, so their bodies are empty. Only
 * plain article files have a rebuild key, so none of them is a feed story.
 */
function recordedStories(manifest: Manifest): Article[] {
  return manifest.stories.map(({ title, source, url, guid, author, publishedAt }) => ({
    title,
    source,
    language: manifest.language,
    body: [],
    ...(url !== undefined ? { url } : {}),
    ...(guid !== undefined ? { guid } : {}),
    ...(author !== undefined ? { author } : {}),
    ...(publishedAt !== undefined ? { publishedAt } : {}),
  }));
}

/**
 * Builds a briefing from articles: reads, segments, normalizes, renders SSML,
 * synthesizes, assembles the MP3 at podcast loudness and writes the episode
 * folder `<outputDirectory>/<date>-<slug>/`, or `<date>-<slug>-2/`, … when
 * that folder holds another episode (see {@link EpisodeStaging.commit}); a
 * rebuild of the same content replaces its own folder. Nothing is written
 * under a final name unless the whole build succeeds, and staging folders
 * that killed builds left in the output folder are removed first.
 */
export async function buildBriefing(options: BuildOptions): Promise<BuildResult> {
  const now = options.now?.() ?? new Date();
  const outputDirectory = resolve(options.outputDirectory ?? 'output');
  const date = isoDate(now);
  await removeStaleStaging(outputDirectory);
  // An unchanged rebuild of unchanged files is known before anything is read or started.
  const key = await rebuildKey(options, date);
  if (key !== undefined) {
    const built = await findEpisodeBuiltFrom(outputDirectory, date, key, fileSettings(options));
    if (built) {
      options.onProgress?.({ stage: 'encode', message: 'the episode is unchanged: reusing its finished files' });
      return { directory: built.directory, manifest: built.manifest, articles: recordedStories(built.manifest), reused: true };
    }
  }
  const { buildEpisode } = await import('./build-episode.js');
  return buildEpisode(options, { now, date, outputDirectory, ...(key !== undefined ? { rebuildKey: key } : {}) });
}
