import type { Manifest } from './manifest.js';
import { oneLine } from '../platform/plain-text.js';

/** One chapter of a Podcasting 2.0 chapters file. */
export interface JsonChapter {
  /** Start in seconds from the beginning of the audio, to the millisecond. */
  startTime: number;
  title: string;
}

/** A Podcasting 2.0 chapters file (`application/json+chapters`). */
export interface JsonChapters {
  version: '1.2.0';
  chapters: JsonChapter[];
}

/**
 * The episode's chapters as a Podcasting 2.0 JSON chapters document:
 * `{"version":"1.2.0","chapters":[{"startTime":0,"title":"…"}]}`, sorted by
 * `startTime` (seconds, three decimals), titles on one line. A chapter
 * without a title is called `Chapter N`. Ends with a newline.
 */
export function renderChaptersJson(manifest: Manifest): string {
  const chapters = manifest.chapters
    .map((chapter, index) => ({
      startTime: Math.max(0, Math.round(chapter.startMs)) / 1000,
      title: oneLine(chapter.title) || `Chapter ${index + 1}`,
    }))
    .sort((a, b) => a.startTime - b.startTime);
  const document: JsonChapters = { version: '1.2.0', chapters };
  return `${JSON.stringify(document, null, 2)}\n`;
}
