import { randomBytes } from 'node:crypto';
import { open, rename, stat, unlink, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * The temporary file of an atomic write: `.<name>.<pid>.<8 hex digits>.tmp`,
 * hidden (so a folder server never lists it) and carrying the writer's
 * process id (so a clean-up can tell one whose writer died).
 */
const ATOMIC_TEMPORARY = /^\..+\.(\d+)\.[0-9a-f]{8}\.tmp$/;

/**
 * The process id that writes the temporary file `name` of an atomic write,
 * or `undefined` when `name` is not such a file.
 */
export function atomicTemporaryOwner(name: string): number | undefined {
  const match = ATOMIC_TEMPORARY.exec(name);
  return match ? Number(match[1]) : undefined;
}

/** Options of {@link writeFileAtomic} and {@link writeFileAtomicWith}. */
export interface AtomicWriteOptions {
  /**
   * The temporary file, in the same folder as the target; by default
   * `.<name>.<pid>.<random>.tmp` (see {@link atomicTemporaryOwner}). A store
   * with its own clean-up names its own.
   */
  temporaryPath?: string;
  /**
   * Flush the file to disk before it is renamed into place (default true).
   * A store that verifies every entry it reads can leave it to the system.
   */
  sync?: boolean;
}

/**
 * Writes `content` to `path` so that `path` only ever holds the old or the
 * complete new content (see {@link writeFileAtomicWith}).
 */
export async function writeFileAtomic(path: string, content: string | Uint8Array, options: AtomicWriteOptions = {}): Promise<void> {
  await writeFileAtomicWith(
    path,
    async (handle) => {
      await handle.writeFile(content);
    },
    options,
  );
}

/**
 * Lets `write` fill a temporary file in the same folder as `path`, then
 * flushes it to disk, gives it the old file's permissions and renames it
 * over `path`, so readers see the old file or the new one, never a part.
 * The temporary file is removed if anything fails. `write` may stream:
 * nothing needs to be held in memory.
 *
 * (`write-file-atomic` takes the whole content at once and names its
 * temporary file `<name>.<hash>`, visible and without the writer's process
 * id; the MP3 tagger streams, and the output folder's clean-up and server
 * rely on the hidden name.)
 */
export async function writeFileAtomicWith(path: string, write: (handle: FileHandle) => Promise<void>, options: AtomicWriteOptions = {}): Promise<void> {
  const temporary = options.temporaryPath ?? join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const mode = await stat(path).then(
    (existing) => existing.mode & 0o7777,
    () => undefined,
  );
  try {
    const handle = await open(temporary, 'wx', mode ?? 0o644);
    try {
      await write(handle);
      if (mode !== undefined) await handle.chmod(mode);
      if (options.sync !== false) await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, path);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
}
