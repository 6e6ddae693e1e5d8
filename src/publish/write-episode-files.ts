import { stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { stageReporter, type RunContext } from '../platform/run-context.js';
import { renderChaptersJson } from './chapters-json.js';
import { writeEpisodeTags } from './id3-tags.js';
import type { Manifest, ManifestFile } from './manifest.js';
import { renderSrt } from './render-srt.js';
import { renderWebVtt } from './render-webvtt.js';
import { renderTranscriptHtml, renderTranscriptText, transcriptModel } from './transcript.js';
import { EPISODE_FILES } from './episode-files.js';

export { EPISODE_FILES } from './episode-files.js';

/** Show-level facts the tags carry. */
export interface ShowTags {
  show: string;
  author?: string;
  description?: string;
  /** PNG or JPEG cover; none when absent. */
  coverImage?: string;
}

/**
 * Writes captions, transcripts and chapters for `manifest` into `folder`, tags
 * the MP3 there, and returns every file with its size (the manifest itself
 * excluded). Chapters the ID3 tag cannot hold are said in `context`, stage
 * `publish`.
 */
export async function writeEpisodeFiles(
  folder: string,
  manifest: Manifest,
  show: ShowTags,
  audioDurationMs: number,
  context?: RunContext,
): Promise<{ files: ManifestFile[] }> {
  const model = transcriptModel(manifest);
  const texts: [string, string][] = [
    [EPISODE_FILES.webVtt, renderWebVtt(model.cues)],
    [EPISODE_FILES.srt, renderSrt(model.cues)],
    [EPISODE_FILES.transcriptText, renderTranscriptText(model)],
    [EPISODE_FILES.transcriptHtml, renderTranscriptHtml(model)],
    [EPISODE_FILES.chapters, renderChaptersJson(manifest)],
  ];
  for (const [name, content] of texts) await writeFile(join(folder, name), content);
  const tagWarnings = await writeEpisodeTags(join(folder, EPISODE_FILES.audio), {
    title: manifest.title,
    ...(show.author ?? manifest.author ? { author: show.author ?? manifest.author } : {}),
    show: show.show,
    date: manifest.date,
    ...(show.description ? { description: show.description } : {}),
    durationMs: Math.round(audioDurationMs),
    chapters: manifest.chapters.map((chapter) => ({ title: chapter.title, startMs: chapter.startMs, endMs: chapter.endMs })),
    ...(show.coverImage ? { coverImage: show.coverImage } : {}),
  });
  const files: ManifestFile[] = [];
  for (const name of [EPISODE_FILES.audio, ...texts.map(([name]) => name)]) {
    const bytes = (await stat(join(folder, name))).size;
    files.push({ name, bytes, ...(name === EPISODE_FILES.audio ? { durationMs: Math.round(audioDurationMs) } : {}) });
  }
  const reporter = stageReporter(context, 'publish');
  for (const message of tagWarnings) reporter.warn({ code: 'ID3_CHAPTERS', message });
  return { files };
}
