import { randomBytes } from 'node:crypto';
import { open, rename, stat, unlink, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Writes `data` to `path` so that `path` only ever holds the old or the
 * complete new content (see {@link writeFileAtomicallyWith}).
 */
export async function writeFileAtomically(path: string, data: Uint8Array): Promise<void> {
  await writeFileAtomicallyWith(path, async (handle) => {
    await handle.writeFile(data);
  });
}

/**
 * Lets `write` fill a temporary file in the same folder as `path`, then
 * flushes it to disk, gives it the old file's permissions and renames it
 * over `path`, so `path` only ever holds the old or the complete new
 * content. The temporary file is removed if anything fails. `write` may
 * stream: nothing needs to be held in memory.
 */
export async function writeFileAtomicallyWith(path: string, write: (handle: FileHandle) => Promise<void>): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  const mode = await stat(path).then(
    (existing) => existing.mode & 0o7777,
    () => undefined,
  );
  try {
    const handle = await open(temporary, 'wx', mode ?? 0o644);
    try {
      await write(handle);
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
