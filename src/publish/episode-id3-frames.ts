import type NodeID3 from 'node-id3';
import { oneLine } from '../platform/plain-text.js';

/** What an episode's MP3 tag says. */
export interface EpisodeTags {
  /** Episode title (TIT2). */
  title: string;
  /** Author (TPE1). */
  author?: string;
  /** Show name (TALB). */
  show: string;
  /** Episode date, `YYYY-MM-DD` (TYER and TDAT). */
  date: string;
  /** Description, written as a COMM comment in English. */
  description?: string;
  /** Length of the audio in ms (TLEN). */
  durationMs: number;
  /** Chapters: one CHAP frame each, listed by one ordered top-level CTOC. */
  chapters: EpisodeTagChapter[];
  /** Path of a PNG or JPEG cover image (APIC, front cover). */
  coverImage?: string;
}

/** A chapter as written to the tag. */
export interface EpisodeTagChapter {
  title: string;
  startMs: number;
  endMs: number;
}

/** A cover picture read from disk. */
export interface CoverPicture {
  mime: 'image/png' | 'image/jpeg';
  data: Buffer;
}

/** The tag's frames and what had to be left out. */
export interface EpisodeId3Frames {
  tags: NodeID3.Tags;
  warnings: string[];
}

/** CTOC can list at most this many chapters (its entry count is one byte). */
export const MAX_TAG_CHAPTERS = 255;

/** Id of the table of contents frame. */
export const TABLE_OF_CONTENTS_ID = 'toc';

/**
 * The ID3 frames of an episode, in node-id3's terms: TIT2, TPE1, TALB,
 * TYER + TDAT (ID3v2.3 has no TDRC), TCON `Podcast`, COMM (language `eng`),
 * TLEN, APIC front cover, a CHAP frame per chapter (`chp0`, `chp1`, … with a
 * TIT2 inside) and one ordered, top-level CTOC listing them in time order.
 * Chapters are sorted by start, cut to the audio's length, and those that
 * end up empty are dropped; past {@link MAX_TAG_CHAPTERS} the rest are left
 * out. Each drop is reported in `warnings`.
 *
 * @throws Error when `date` is not `YYYY-MM-DD`
 */
export function episodeId3Frames(episode: EpisodeTags, cover?: CoverPicture): EpisodeId3Frames {
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(episode.date);
  if (!date) throw new Error(`the date must be YYYY-MM-DD, got "${episode.date}"`);
  const durationMs = Math.max(0, Math.round(episode.durationMs));
  const warnings: string[] = [];

  const timed = [...episode.chapters]
    .map((chapter) => ({
      title: oneLine(chapter.title),
      startMs: Math.max(0, Math.round(chapter.startMs)),
      endMs: Math.round(durationMs > 0 ? Math.min(chapter.endMs, durationMs) : chapter.endMs),
    }))
    .sort((a, b) => a.startMs - b.startMs);
  const usable = timed.filter((chapter) => {
    if (chapter.endMs > chapter.startMs) return true;
    warnings.push(`chapter "${chapter.title}" left out of the ID3 tag: it has no length (${chapter.startMs}–${chapter.endMs} ms)`);
    return false;
  });
  if (usable.length > MAX_TAG_CHAPTERS) {
    warnings.push(`ID3 tag holds the first ${MAX_TAG_CHAPTERS} of ${usable.length} chapters: a CTOC frame lists at most ${MAX_TAG_CHAPTERS}`);
  }
  const chapters = usable.slice(0, MAX_TAG_CHAPTERS).map((chapter, index) => ({
    elementID: `chp${index}`,
    startTimeMs: chapter.startMs,
    endTimeMs: chapter.endMs,
    tags: { title: chapter.title || `Chapter ${index + 1}` },
  }));

  const tags: NodeID3.Tags = {
    title: episode.title,
    album: episode.show,
    year: date[1]!,
    date: `${date[3]}${date[2]}`,
    genre: 'Podcast',
    length: String(durationMs),
    ...(episode.author ? { artist: episode.author } : {}),
    ...(episode.description ? { comment: { language: 'eng', text: episode.description } } : {}),
    ...(cover ? { image: { mime: cover.mime, type: { id: 3 }, description: '', imageBuffer: cover.data } } : {}),
    ...(chapters.length > 0
      ? {
          chapter: chapters,
          tableOfContents: [{ elementID: TABLE_OF_CONTENTS_ID, isOrdered: true, elements: chapters.map((chapter) => chapter.elementID) }],
        }
      : {}),
  };
  return { tags, warnings };
}

/** The picture type of `data` from its first bytes, when it is a PNG or a JPEG. */
export function pictureMimeType(data: Uint8Array): CoverPicture['mime'] | undefined {
  if (data.length >= 8 && data[0] === 0x89 && data[1] === 0x50 && data[2] === 0x4e && data[3] === 0x47) return 'image/png';
  if (data.length >= 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'image/jpeg';
  return undefined;
}
