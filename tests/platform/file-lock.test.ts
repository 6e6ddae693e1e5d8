import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isBriefingError } from '../../src/errors.js';
import { withFileLock } from '../../src/platform/file-lock.js';

let folder: string;

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'briefing-lock-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('withFileLock', () => {
  it('runs one task at a time and removes the lock afterwards', async () => {
    const lock = join(folder, '.test.lock');
    let running = 0;
    let most = 0;
    const results = await Promise.all(
      [1, 2, 3, 4, 5].map((value) =>
        withFileLock(lock, async () => {
          running += 1;
          most = Math.max(most, running);
          await sleep(20);
          running -= 1;
          return value;
        }),
      ),
    );
    expect(results).toEqual([1, 2, 3, 4, 5]);
    expect(most).toBe(1);
    expect(await readdir(folder)).toEqual([]);
  });

  it('releases the lock when the task fails', async () => {
    const lock = join(folder, '.test.lock');
    await expect(withFileLock(lock, async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await readdir(folder)).toEqual([]);
  });

  it('gives up with OUTPUT_FAILED, naming the lock, while a live holder keeps it', async () => {
    const lock = join(folder, '.test.lock');
    await writeFile(lock, JSON.stringify({ token: 'other', pid: process.pid, host: hostname() }));
    const error = await withFileLock(lock, async () => 'never', { timeoutMs: 200 }).catch((caught: unknown) => caught);
    expect(isBriefingError(error, 'OUTPUT_FAILED')).toBe(true);
    expect((error as Error).message).toContain(lock);
  });

  it('takes over at once the lock of a process on this machine that is gone, however fresh the file', async () => {
    const lock = join(folder, '.test.lock');
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    await writeFile(lock, JSON.stringify({ token: 'gone', pid: Number(gone.stdout), host: hostname() }));
    // With ten minutes before the file counts as stale, only the dead holder lets this run.
    expect(await withFileLock(lock, async () => 'ran', { staleMs: 600_000, timeoutMs: 600_000 })).toBe('ran');
    expect(await readdir(folder)).toEqual([]);
  });

  it('breaks a lock nobody refreshed for longer than staleMs', async () => {
    const lock = join(folder, '.test.lock');
    await writeFile(lock, JSON.stringify({ token: 'old', pid: process.pid, host: 'another-machine' }));
    const old = new Date(Date.now() - 60_000);
    await utimes(lock, old, old);
    expect(await withFileLock(lock, async () => 'ran', { staleMs: 1000, timeoutMs: 5000 })).toBe('ran');
  });
});

