import { readFile } from 'node:fs/promises';
import NodeID3 from 'node-id3';
import { BriefingError } from '../errors.js';
import { episodeId3Frames, pictureMimeType, type CoverPicture, type EpisodeTags } from './episode-id3-frames.js';
import { startsWithMpegFrame, stripId3Tags } from './strip-id3-tags.js';
import { writeFileAtomically } from './write-file-atomically.js';

export type { EpisodeTags, EpisodeTagChapter } from './episode-id3-frames.js';

/**
 * Replaces the MP3's tags with the episode's ID3v2.3 tag (see
 * {@link episodeId3Frames} for the frames). Every earlier tag goes, ffmpeg's
 * CHAP and TXXX frames included, and any ID3v1 tag at the end. The file is
 * rewritten atomically: a crash leaves either the old or the finished file.
 *
 * @returns warnings about chapters that could not be written (more than 255,
 *   or without length); empty when everything was written
 * @throws BriefingError `OUTPUT_FAILED` naming the file: MP3 unreadable or not
 *   an MP3, cover unreadable or not PNG/JPEG, bad date, or the write failed
 */
export async function writeEpisodeTags(mp3Path: string, tags: EpisodeTags): Promise<string[]> {
  const cover = tags.coverImage === undefined ? undefined : await readCover(tags.coverImage);
  const data = await readFile(mp3Path).catch((error: unknown) => {
    throw failure(mp3Path, `cannot read the MP3 (${reason(error)})`, error);
  });
  const audio = stripId3Tags(data);
  if (!startsWithMpegFrame(audio)) throw failure(mp3Path, 'not an MP3 file (no MPEG audio frame after the tags)');

  let frames;
  let tag: Buffer;
  try {
    frames = episodeId3Frames(tags, cover);
    tag = NodeID3.create(frames.tags);
  } catch (error) {
    throw failure(mp3Path, `cannot build the ID3 tag (${reason(error)})`, error);
  }
  if (!Buffer.isBuffer(tag)) throw failure(mp3Path, 'cannot build the ID3 tag');

  try {
    await writeFileAtomically(mp3Path, Buffer.concat([tag, audio]));
  } catch (error) {
    throw failure(mp3Path, `cannot write the tagged MP3 (${reason(error)})`, error);
  }
  return frames.warnings;
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
