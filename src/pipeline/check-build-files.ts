import { open, stat } from 'node:fs/promises';
import type { MusicSettings } from '../assemble/music-mix.js';
import { decodedDurationMs } from '../platform/ffmpeg.js';
import { BriefingError } from '../errors.js';
import { coverFileNameOf } from '../feed/cover-image.js';

/** Throws `INPUT_NOT_FOUND` or `INPUT_UNREADABLE` naming `file` unless it is a readable file. */
async function checkFile(file: string, role: string): Promise<void> {
  try {
    if ((await stat(file)).isDirectory()) throw new BriefingError('INPUT_UNREADABLE', `${file}: is a folder, not ${role}`);
  } catch (error) {
    if (error instanceof BriefingError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new BriefingError('INPUT_NOT_FOUND', `${file}: no such file (${role})`, { cause: error });
    throw new BriefingError('INPUT_UNREADABLE', `${file}: cannot be read (${role}: ${code ?? String(error)})`, { cause: error });
  }
}

/**
 * Checks the files a build reads after synthesis, so that a missing or wrong
 * one stops the build before any audio is made, with one line naming it:
 * each music file must hold audio ffmpeg can decode, the cover must be a
 * PNG or JPEG image.
 */
export async function checkBuildFiles(
  files: { music?: MusicSettings | false; coverImage?: string | false },
  ffmpegPath: string,
  signal?: AbortSignal,
): Promise<void> {
  if (files.music) {
    for (const [part, file] of [['intro', files.music.intro], ['outro', files.music.outro], ['bed', files.music.bed]] as const) {
      if (!file) continue;
      const role = `the ${part} music`;
      await checkFile(file, role);
      let durationMs = 0;
      try {
        durationMs = await decodedDurationMs(file, ffmpegPath, signal);
      } catch (error) {
        if (signal?.aborted) throw error;
        throw new BriefingError('INPUT_UNREADABLE', `${file}: is not an audio file ffmpeg can read (${role})`, { cause: error });
      }
      if (!(durationMs > 0)) throw new BriefingError('INPUT_UNREADABLE', `${file}: has no audio (${role})`);
    }
  }
  if (files.coverImage) {
    const role = 'the cover image';
    await checkFile(files.coverImage, role);
    const handle = await open(files.coverImage, 'r');
    try {
      const { buffer, bytesRead } = await handle.read(Buffer.alloc(8), 0, 8, 0);
      if (!coverFileNameOf(buffer.subarray(0, bytesRead))) {
        throw new BriefingError('INPUT_UNREADABLE', `${files.coverImage}: is neither a PNG nor a JPEG image (${role})`);
      }
    } finally {
      await handle.close();
    }
  }
}
