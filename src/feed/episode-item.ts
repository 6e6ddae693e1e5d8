import { stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { BriefingError } from '../errors.js';
import type { Manifest } from '../publish/manifest.js';
import { oneLine } from '../platform/plain-text.js';
import { EPISODE_FILES } from '../publish/episode-files.js';
import { episodeDescription } from './episode-description.js';
import { stripInvalidXmlCharacters } from '../platform/markup-escape.js';
import { truncateToBytes } from './feed-text.js';
import type { XmlElement } from './feed-xml.js';
import { rfc2822Date } from './rfc2822-date.js';
import { publishedUrl } from './show-urls.js';

/** An episode to put in the feed: its finished folder and its manifest. */
export interface FeedEpisode {
  /** The episode folder, directly inside the output folder: its name is the episode's path in URLs. */
  directory: string;
  manifest: Manifest;
}

/** What the item needs besides the episode. */
export interface EpisodeItemContext {
  baseUrl: string;
  guid: string;
  pubDate: Date;
  explicit: boolean;
  /** Address of the show's cover: the episode's art when its folder has none of its own. */
  showCoverUrl?: string;
}

/** The transcripts an episode folder may hold, with the types Podcasting 2.0 names for them. */
const TRANSCRIPTS = [
  { file: EPISODE_FILES.webVtt, type: 'text/vtt', rel: 'captions' },
  { file: EPISODE_FILES.srt, type: 'application/x-subrip', rel: 'captions' },
  { file: EPISODE_FILES.transcriptHtml, type: 'text/html' },
] as const;

/** Longest item description, in UTF-8 bytes (the directories' limit). */
const MAX_DESCRIPTION_BYTES = 4000;

async function sizeOf(path: string): Promise<number | undefined> {
  try {
    const info = await stat(path);
    return info.isFile() ? info.size : undefined;
  } catch {
    return undefined;
  }
}

/** Whole seconds of the episode: the MP3's measured length when the manifest lists it, else the timeline's. */
export function durationSeconds(manifest: Manifest): number {
  const audio = manifest.files.find((file) => file.name === (manifest.audio || EPISODE_FILES.audio));
  return Math.max(0, Math.round((audio?.durationMs ?? manifest.durationMs) / 1000));
}

/**
 * The feed `<item>` of an episode: title, description, page link (when the
 * folder has an `index.html`), permanent guid, RFC 2822 date, MP3 enclosure
 * with its size in bytes, whole-second duration, a `podcast:transcript` for
 * each transcript the folder holds (WebVTT and SRT captions, HTML), JSON
 * chapters when they exist, and episode art: the folder's own cover, else the
 * show's. `OUTPUT_FAILED` when the MP3 is missing.
 */
export async function episodeItem(episode: FeedEpisode, context: EpisodeItemContext): Promise<XmlElement> {
  const { manifest } = episode;
  const folder = basename(episode.directory);
  const url = (file: string) => publishedUrl(context.baseUrl, folder, file);
  const audioName = manifest.audio || EPISODE_FILES.audio;
  const audioBytes = await sizeOf(join(episode.directory, audioName));
  if (audioBytes === undefined) throw new BriefingError('OUTPUT_FAILED', `${join(episode.directory, audioName)}: no such file; the episode has no audio to publish`);
  const has = async (name: string) => (await sizeOf(join(episode.directory, name))) !== undefined;
  const ownImage = (await has('cover.jpg')) ? 'cover.jpg' : (await has('cover.png')) ? 'cover.png' : undefined;
  const imageUrl = ownImage ? url(ownImage) : context.showCoverUrl;
  const transcripts: XmlElement[] = [];
  for (const transcript of TRANSCRIPTS) {
    if (!(await has(transcript.file))) continue;
    transcripts.push({
      '@_url': url(transcript.file),
      '@_type': transcript.type,
      ...(manifest.language ? { '@_language': manifest.language } : {}),
      ...('rel' in transcript ? { '@_rel': transcript.rel } : {}),
    });
  }

  return {
    title: stripInvalidXmlCharacters(oneLine(manifest.title)) || folder,
    description: truncateToBytes(stripInvalidXmlCharacters(episodeDescription(manifest)), MAX_DESCRIPTION_BYTES),
    ...((await has('index.html')) ? { link: `${publishedUrl(context.baseUrl, folder)}/` } : {}),
    guid: { '@_isPermaLink': 'false', '#text': context.guid },
    pubDate: rfc2822Date(context.pubDate),
    enclosure: { '@_url': url(audioName), '@_length': String(audioBytes), '@_type': 'audio/mpeg' },
    'itunes:duration': String(durationSeconds(manifest)),
    'itunes:episodeType': 'full',
    'itunes:explicit': context.explicit ? 'true' : 'false',
    ...(imageUrl ? { 'itunes:image': { '@_href': imageUrl } } : {}),
    ...(transcripts.length > 0 ? { 'podcast:transcript': transcripts.length === 1 ? transcripts[0]! : transcripts } : {}),
    ...((await has(EPISODE_FILES.chapters)) ? { 'podcast:chapters': { '@_url': url(EPISODE_FILES.chapters), '@_type': 'application/json+chapters' } } : {}),
  };
}
