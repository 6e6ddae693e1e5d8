import { randomBytes } from 'node:crypto';
import { open, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Writes `data` to `path` so that `path` only ever holds the old or the
 * complete new content: the data goes to a temporary file in the same folder,
 * is flushed to disk, takes the old file's permissions, and is renamed over
 * `path`. The temporary file is removed if anything fails.
 */
export async function writeFileAtomically(path: string, data: Uint8Array): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  const mode = await stat(path).then(
    (existing) => existing.mode & 0o7777,
    () => undefined,
  );
  try {
    const handle = await open(temporary, 'wx', mode ?? 0o644);
    try {
      await handle.writeFile(data);
      if (mode !== undefined) await handle.chmod(mode);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, path);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
}
