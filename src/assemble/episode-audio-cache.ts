import { createHash, randomUUID } from 'node:crypto';
import { copyFile, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { LoudnessMeasurement } from './ffmpeg.js';
import type { TimedBlock } from './timeline.js';

/** What is kept of a finished narration: its timing and its measured loudness. */
export interface CachedEpisodeAudio {
  blocks: TimedBlock[];
  durationMs: number;
  sampleRate: number;
  loudness: LoudnessMeasurement;
  gainDb: number;
  /** Where the narration starts (after intro music), ms. */
  narrationOffsetMs?: number;
}

const FORMAT = 1;

/**
 * Finished episode audio, keyed by everything that shaped it (every piece's
 * content address and every silence, in order, and the encoding). An
 * unchanged rebuild copies the MP3 instead of assembling and encoding again.
 * Entries live beside the pieces in the synthesis cache.
 */
export class EpisodeAudioCache {
  constructor(private readonly directory: string) {}

  /** The key of a narration: its parts in order and how it is encoded. */
  static key(parts: readonly unknown[], encoding: unknown): string {
    return createHash('sha256').update(JSON.stringify({ format: FORMAT, parts, encoding })).digest('hex');
  }

  private paths(key: string) {
    const folder = join(this.directory, 'episodes');
    return { folder, mp3: join(folder, `${key}.mp3`), info: join(folder, `${key}.json`) };
  }

  /** Copies the cached MP3 to `target` and returns its facts, or undefined when there is none. */
  async restore(key: string, target: string): Promise<CachedEpisodeAudio | undefined> {
    const paths = this.paths(key);
    try {
      const info = JSON.parse(await readFile(paths.info, 'utf8')) as CachedEpisodeAudio & { format: number };
      if (info.format !== FORMAT || !Array.isArray(info.blocks)) return undefined;
      await copyFile(paths.mp3, target);
      return info;
    } catch {
      return undefined;
    }
  }

  /** Keeps a finished MP3 and its facts (written atomically, the facts last). */
  async store(key: string, mp3: string, audio: CachedEpisodeAudio): Promise<void> {
    const paths = this.paths(key);
    await mkdir(paths.folder, { recursive: true });
    const suffix = `.${randomUUID()}.tmp`;
    try {
      await copyFile(mp3, paths.mp3 + suffix);
      await rename(paths.mp3 + suffix, paths.mp3);
      await writeFile(paths.info + suffix, JSON.stringify({ format: FORMAT, ...audio }));
      await rename(paths.info + suffix, paths.info);
    } finally {
      await rm(paths.mp3 + suffix, { force: true });
      await rm(paths.info + suffix, { force: true });
    }
  }
}
