import { open, readFile, type FileHandle } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type NodeID3 from 'node-id3';
import { BriefingError } from '../errors.js';
import { episodeId3Frames, pictureMimeType, type CoverPicture, type EpisodeTags } from './episode-id3-frames.js';
import { findAudioByteRange, MPEG_FRAME_PROBE_LENGTH, startsWithMpegFrame, type AudioByteRange, type ByteSource } from './strip-id3-tags.js';
import { writeFileAtomicWith } from '../platform/atomic-file.js';

export type { EpisodeTags, EpisodeTagChapter } from './episode-id3-frames.js';

const require = createRequire(import.meta.url);
/** node-id3, loaded with the first tag written: importing the library does not pay for it. */
let nodeId3: typeof NodeID3 | undefined;

/**
 * Replaces the MP3's tags with the episode's ID3v2.3 tag (see
 * {@link episodeId3Frames} for the frames). Every earlier tag goes, ffmpeg's
 * CHAP and TXXX frames included, and any ID3v1 tag at the end. The new tag
 * and the audio, streamed from the old file, go to a temporary file in the
 * same folder that is renamed over the MP3: a crash leaves either the old or
 * the finished file, and memory stays the same whatever the audio's length.
 *
 * @returns warnings about chapters that could not be written (more than 255,
 *   or without length); empty when everything was written
 * @throws BriefingError `OUTPUT_FAILED` naming the file: MP3 unreadable or not
 *   an MP3, cover unreadable or not PNG/JPEG, bad date, or the write failed
 */
export async function writeEpisodeTags(mp3Path: string, tags: EpisodeTags): Promise<string[]> {
  const cover = tags.coverImage === undefined ? undefined : await readCover(tags.coverImage);
  const audio = await locateAudio(mp3Path);

  let frames;
  let tag: Buffer;
  try {
    frames = episodeId3Frames(tags, cover);
    tag = (nodeId3 ??= require('node-id3') as typeof NodeID3).create(frames.tags);
  } catch (error) {
    throw failure(mp3Path, `cannot build the ID3 tag (${reason(error)})`, error);
  }
  if (!Buffer.isBuffer(tag)) throw failure(mp3Path, 'cannot build the ID3 tag');

  try {
    await writeFileAtomicWith(mp3Path, async (handle) => {
      await handle.write(tag, 0, tag.length, 0);
      await copyBytes(mp3Path, audio, handle, tag.length);
    });
  } catch (error) {
    throw failure(mp3Path, `cannot write the tagged MP3 (${reason(error)})`, error);
  }
  return frames.warnings;
}

/** Size of the one buffer the audio is copied through. */
const COPY_CHUNK_BYTES = 1 << 20;

/**
 * Copies bytes `range` of the file at `path` to `target` from `position` on,
 * through one reused buffer: the audio is never held in memory, and no
 * chunk is left for the garbage collector, so memory stays flat however
 * long the episode is.
 */
async function copyBytes(path: string, range: AudioByteRange, target: FileHandle, position: number): Promise<void> {
  const source = await open(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(Math.min(COPY_CHUNK_BYTES, Math.max(1, range.end - range.start)));
    for (let offset = range.start; offset < range.end; ) {
      const { bytesRead } = await source.read(buffer, 0, Math.min(buffer.length, range.end - offset), offset);
      if (bytesRead === 0) throw new Error('the MP3 became shorter while it was being tagged');
      await target.write(buffer, 0, bytesRead, position + offset - range.start);
      offset += bytesRead;
    }
  } finally {
    await source.close();
  }
}

/** Where the MP3's audio lies between its tags, checked to begin with an MPEG frame. */
async function locateAudio(mp3Path: string): Promise<AudioByteRange> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(mp3Path, 'r');
    const file = handle;
    const source: ByteSource = {
      size: (await file.stat()).size,
      read: async (offset, length) => {
        const buffer = Buffer.alloc(length);
        const { bytesRead } = await file.read(buffer, 0, length, offset);
        return buffer.subarray(0, bytesRead);
      },
    };
    const range = await findAudioByteRange(source);
    const head = await source.read(range.start, Math.min(MPEG_FRAME_PROBE_LENGTH, range.end - range.start));
    if (!startsWithMpegFrame(head)) throw failure(mp3Path, 'not an MP3 file (no MPEG audio frame after the tags)');
    return range;
  } catch (error) {
    if (error instanceof BriefingError) throw error;
    throw failure(mp3Path, `cannot read the MP3 (${reason(error)})`, error);
  } finally {
    await handle?.close();
  }
}

async function readCover(path: string): Promise<CoverPicture> {
  const data = await readFile(path).catch((error: unknown) => {
    throw failure(path, `cannot read the cover image (${reason(error)})`, error);
  });
  const mime = pictureMimeType(data);
  if (!mime) throw failure(path, 'the cover image is neither PNG nor JPEG');
  return { mime, data };
}

function failure(file: string, problem: string, cause?: unknown): BriefingError {
  return new BriefingError('OUTPUT_FAILED', `${file}: ${problem}`, cause === undefined ? {} : { cause });
}

function reason(error: unknown): string {
  if (error && typeof error === 'object' && 'code' in error && typeof error.code === 'string') return error.code;
  return error instanceof Error ? error.message : String(error);
}
