import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BriefingError } from '../errors.js';
import { writeFileAtomic } from '../platform/atomic-file.js';

/** A cover image's file name in the output folder. */
export type CoverFileName = 'cover.png' | 'cover.jpg';

/** `cover.png` or `cover.jpg` from the image's first bytes; undefined for anything else. */
export function coverFileNameOf(bytes: Uint8Array): CoverFileName | undefined {
  if (bytes.length >= 8 && Buffer.from(bytes.subarray(0, 8)).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'cover.png';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'cover.jpg';
  return undefined;
}

/**
 * Copies the show's cover image into `outputDirectory` as `cover.png` or
 * `cover.jpg` (by its content, whatever its name), atomically and only when
 * it changed, and returns that file name. `CONFIG_INVALID` when the image is
 * missing or neither PNG nor JPEG.
 */
export async function publishCoverImage(coverImage: string, outputDirectory: string): Promise<CoverFileName> {
  let bytes: Buffer;
  try {
    bytes = await readFile(coverImage);
  } catch (error) {
    throw new BriefingError('CONFIG_INVALID', `show.coverImage: cannot read ${coverImage}`, { cause: error });
  }
  const name = coverFileNameOf(bytes);
  if (!name) throw new BriefingError('CONFIG_INVALID', `show.coverImage: ${coverImage} is neither a PNG nor a JPEG image`);
  const target = join(outputDirectory, name);
  const existing = await readFile(target).catch(() => undefined);
  if (!existing?.equals(bytes)) await writeFileAtomic(target, bytes);
  return name;
}
