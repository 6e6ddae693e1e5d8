import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { link, open, readFile, rename, rm, stat, utimes } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { BriefingError } from '../errors.js';
import { processGone } from './process-gone.js';

/** Options of {@link withFileLock}. */
export interface FileLockOptions {
  /** A lock file not refreshed for this long is abandoned and may be broken. Default 10 s. */
  staleMs?: number;
  /** Give up waiting after this long (`OUTPUT_FAILED`). Default 60 s. */
  timeoutMs?: number;
}

interface LockOwner {
  token: string;
  pid: number;
  host: string;
}

async function readOwner(path: string): Promise<LockOwner | undefined> {
  try {
    const owner = JSON.parse(await readFile(path, 'utf8')) as Partial<LockOwner>;
    return typeof owner.token === 'string' && typeof owner.pid === 'number' && typeof owner.host === 'string'
      ? (owner as LockOwner)
      : undefined;
  } catch {
    return undefined;
  }
}

async function tryCreate(path: string, owner: LockOwner): Promise<boolean> {
  try {
    const handle = await open(path, 'wx');
    try {
      await handle.writeFile(JSON.stringify(owner));
    } finally {
      await handle.close();
    }
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/**
 * Removes the lock at `path` when its holder is gone (a dead process on this
 * machine) or stopped refreshing it `staleMs` ago. The lock is first renamed
 * away, which only one contender can do; if what was renamed turns out to be
 * a fresh lock, it is put back.
 */
async function breakIfStale(path: string, staleMs: number): Promise<void> {
  let modified: number;
  try {
    modified = (await stat(path)).mtimeMs;
  } catch {
    return;
  }
  const owner = await readOwner(path);
  const abandoned = owner !== undefined && owner.host === hostname() && owner.pid !== process.pid && processGone(owner.pid);
  if (!abandoned && Date.now() - modified < staleMs) return;
  const aside = `${path}.${randomUUID().slice(0, 8)}.stale`;
  try {
    await rename(path, aside);
  } catch {
    return;
  }
  const moved = await readOwner(aside);
  if (owner && moved && moved.token !== owner.token) await link(aside, path).catch(() => undefined);
  await rm(aside, { force: true });
}

/**
 * Runs `task` while holding an exclusive lock file at `lockPath` (created
 * with O_EXCL), so read-modify-write cycles of several builds, in this
 * process or others, never overlap. The holder refreshes the file's time
 * while it works; a lock whose holder died or stopped refreshing is broken.
 */
export async function withFileLock<T>(lockPath: string, task: () => Promise<T>, options: FileLockOptions = {}): Promise<T> {
  const staleMs = options.staleMs ?? 10_000;
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  const owner: LockOwner = { token: randomUUID(), pid: process.pid, host: hostname() };
  while (!(await tryCreate(lockPath, owner))) {
    if (Date.now() > deadline) {
      throw new BriefingError('OUTPUT_FAILED', `${lockPath}: still locked by another build; remove the file if no build is running`);
    }
    await breakIfStale(lockPath, staleMs);
    await sleep(15 + Math.random() * 60);
  }
  const refresh = setInterval(() => {
    const now = new Date();
    void utimes(lockPath, now, now).catch(() => undefined);
  }, Math.max(50, Math.floor(staleMs / 3)));
  refresh.unref();
  try {
    return await task();
  } finally {
    clearInterval(refresh);
    const current = await readOwner(lockPath);
    if (current?.token === owner.token) await rm(lockPath, { force: true });
  }
}
