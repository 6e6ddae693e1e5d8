import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { markCacheFolder } from '../cache/cache-folder.js';
import { episodePath, temporaryPath } from '../cache/cache-layout.js';
import { asDiskFull, isNoSpaceError } from '../disk-full.js';
import { writeFileAtomicWith } from '../platform/atomic-file.js';
import type { LoudnessMeasurement } from '../platform/ffmpeg.js';
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

/** What looking up finished audio found. */
export type EpisodeAudioLookup =
  | { status: 'hit'; audio: CachedEpisodeAudio }
  | { status: 'miss' }
  /** The entry failed its checks and was removed (nothing was left at the target); `problem` says how it was damaged. */
  | { status: 'damaged'; problem: string };

const FORMAT = 2;
/** First line of an entry: magic, format, sha256 of facts and MP3, their lengths in bytes. */
const HEADER = /^briefing-episode-audio (\d+) ([0-9a-f]{64}) (\d+) (\d+)\n/;
const HEADER_LIMIT = 160;

/**
 * Finished episode audio, keyed by everything that shaped it (every piece's
 * content address and every silence, in order, and the encoding). An
 * unchanged rebuild copies the MP3 instead of assembling and encoding again.
 * Entries live beside the pieces in the synthesis cache: one file each (a
 * header line with a checksum, the facts as JSON, the MP3), written under a
 * temporary name and renamed; the checksum is verified on every restore, and
 * a damaged entry is removed and reported, never published.
 */
export class EpisodeAudioCache {
  constructor(private readonly directory: string) {}

  /** The key of a narration: its parts in order and how it is encoded. */
  static key(parts: readonly unknown[], encoding: unknown): string {
    return createHash('sha256').update(JSON.stringify({ format: FORMAT, parts, encoding })).digest('hex');
  }

  /**
   * Copies the cached MP3 of `key` to `target` once its checksum holds and
   * returns its facts. A damaged entry is removed and leaves no file at
   * `target`. A full disk at `target` is a `DISK_FULL` error naming its folder.
   */
  async restore(key: string, target: string): Promise<EpisodeAudioLookup> {
    const path = episodePath(this.directory, key);
    let handle;
    try {
      handle = await open(path, 'r');
    } catch {
      return { status: 'miss' };
    }
    let layout: { sha256: string; headerBytes: number; factsBytes: number; mp3Bytes: number; facts: Buffer };
    try {
      const start = Buffer.alloc(HEADER_LIMIT);
      const { bytesRead } = await handle.read(start, 0, HEADER_LIMIT, 0);
      const match = HEADER.exec(start.toString('latin1', 0, bytesRead));
      if (!match || Number(match[1]) !== FORMAT) return await this.discard(path, target, 'its header is unreadable');
      const headerBytes = match[0].length;
      const factsBytes = Number(match[3]);
      const mp3Bytes = Number(match[4]);
      const { size } = await handle.stat();
      if (size !== headerBytes + factsBytes + mp3Bytes) {
        return await this.discard(path, target, `it is ${size} bytes long where its header says ${headerBytes + factsBytes + mp3Bytes}`);
      }
      const facts = Buffer.alloc(factsBytes);
      await handle.read(facts, 0, factsBytes, headerBytes);
      layout = { sha256: match[2]!, headerBytes, factsBytes, mp3Bytes, facts };
    } finally {
      await handle.close();
    }

    const hash = createHash('sha256').update(layout.facts);
    try {
      await pipeline(
        createReadStream(path, { start: layout.headerBytes + layout.factsBytes }),
        new Transform({
          transform(chunk: Buffer, _encoding, done) {
            hash.update(chunk);
            done(null, chunk);
          },
        }),
        createWriteStream(target),
      );
    } catch (error) {
      await rm(target, { force: true });
      if (isNoSpaceError(error)) throw asDiskFull(error, dirname(target));
      throw error;
    }
    if (hash.digest('hex') !== layout.sha256) return this.discard(path, target, 'its checksum does not match its audio');
    let audio: CachedEpisodeAudio;
    try {
      audio = JSON.parse(layout.facts.toString('utf8')) as CachedEpisodeAudio;
    } catch {
      return this.discard(path, target, 'its facts are unreadable');
    }
    if (!Array.isArray(audio.blocks) || typeof audio.durationMs !== 'number') return this.discard(path, target, 'its facts are unreadable');
    return { status: 'hit', audio };
  }

  private async discard(path: string, target: string, problem: string): Promise<EpisodeAudioLookup> {
    await rm(target, { force: true });
    await rm(path, { force: true });
    return { status: 'damaged', problem };
  }

  /**
   * Keeps a finished MP3 and its facts as one entry, written atomically. A
   * full disk is a `DISK_FULL` error naming the cache folder, and leaves no
   * partial file.
   */
  async store(key: string, mp3: string, audio: CachedEpisodeAudio): Promise<void> {
    const path = episodePath(this.directory, key);
    try {
      await markCacheFolder(this.directory);
      await mkdir(dirname(path), { recursive: true });
      const facts = Buffer.from(JSON.stringify(audio));
      const hash = createHash('sha256').update(facts);
      let mp3Bytes = 0;
      for await (const chunk of createReadStream(mp3)) {
        hash.update(chunk as Buffer);
        mp3Bytes += (chunk as Buffer).byteLength;
      }
      const header = Buffer.from(`briefing-episode-audio ${FORMAT} ${hash.digest('hex')} ${facts.byteLength} ${mp3Bytes}\n`, 'latin1');
      await writeFileAtomicWith(
        path,
        async (handle) => {
          await handle.write(Buffer.concat([header, facts]));
          for await (const chunk of createReadStream(mp3)) await handle.write(chunk as Buffer);
        },
        { temporaryPath: temporaryPath(path, randomUUID()), sync: false },
      );
    } catch (error) {
      throw asDiskFull(error, this.directory, 'cache folder');
    }
  }
}
