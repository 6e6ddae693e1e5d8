import { chmod, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { atomicTemporaryOwner, writeFileAtomic, writeFileAtomicWith } from '../../src/platform/atomic-file.js';

let folder: string;

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'briefing-atomic-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('writeFileAtomicWith', () => {
  it('streams into a hidden temporary file named after its writer, then puts it in place keeping the old permissions', async () => {
    const path = join(folder, 'episode.mp3');
    await writeFile(path, 'old');
    await chmod(path, 0o640);
    let seen: string[] = [];
    await writeFileAtomicWith(path, async (handle) => {
      await handle.write('new ');
      seen = await readdir(folder);
      await handle.write('content');
    });
    expect(await readFile(path, 'utf8')).toBe('new content');
    expect((await stat(path)).mode & 0o777).toBe(0o640);
    const temporary = seen.find((name) => name !== 'episode.mp3')!;
    expect(temporary.startsWith('.episode.mp3.')).toBe(true);
    expect(atomicTemporaryOwner(temporary)).toBe(process.pid);
    expect(await readdir(folder)).toEqual(['episode.mp3']);
  });

  it('leaves the old file and no temporary file when the writer fails', async () => {
    const path = join(folder, 'feed.xml');
    await writeFile(path, 'old');
    await expect(
      writeFileAtomicWith(path, async (handle) => {
        await handle.write('half');
        throw new Error('disk gone');
      }),
    ).rejects.toThrow('disk gone');
    expect(await readFile(path, 'utf8')).toBe('old');
    expect(await readdir(folder)).toEqual(['feed.xml']);
  });
});

describe('writeFileAtomic', () => {
  it('creates a new file from text or bytes', async () => {
    await writeFileAtomic(join(folder, 'a.txt'), 'text');
    await writeFileAtomic(join(folder, 'b.bin'), new Uint8Array([1, 2, 3]));
    expect(await readFile(join(folder, 'a.txt'), 'utf8')).toBe('text');
    expect([...(await readFile(join(folder, 'b.bin')))]).toEqual([1, 2, 3]);
  });
});

describe('atomicTemporaryOwner', () => {
  it('knows only the names atomic writes use', () => {
    expect(atomicTemporaryOwner('.feed.xml.4242.0a1b2c3d.tmp')).toBe(4242);
    expect(atomicTemporaryOwner('feed.xml.4242.0a1b2c3d.tmp')).toBeUndefined();
    expect(atomicTemporaryOwner('.feed.xml.tmp')).toBeUndefined();
    expect(atomicTemporaryOwner('.feed.xml.lock')).toBeUndefined();
  });
});

describe('writeFileAtomic replacing a file', () => {
  it('replaces the file whole and leaves no temporary file', async () => {
    const path = join(folder, 'feed.xml');
    await writeFile(path, 'old');
    await writeFileAtomic(path, 'new content');
    expect(await readFile(path, 'utf8')).toBe('new content');
    expect(await readdir(folder)).toEqual(['feed.xml']);
  });
});
