import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBriefing } from '../helpers/run-cli.js';
import { SHORT_STORY } from '../helpers/test-articles.js';

const run = promisify(execFile);

/** Mounts a 2 MB tmpfs at `path`; false when this machine does not allow it (mounting needs root). */
async function mountSmallDisk(path: string): Promise<boolean> {
  try {
    await run('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', path]);
    return true;
  } catch {
    return false;
  }
}

/** Fills the disk at `path` but for about `leftKb` kilobytes. */
async function fillDisk(path: string, leftKb: number): Promise<void> {
  const { stdout } = await run('df', ['-k', '--output=avail', path]);
  const available = Number(stdout.trim().split('\n').at(-1));
  await writeFile(join(path, 'filler'), Buffer.alloc(Math.max(0, available - leftKb) * 1024));
}

const root = await mkdtemp(join(tmpdir(), 'briefing-disk-full-'));
const probe = join(root, 'probe');
await mkdir(probe);
const canMount = await mountSmallDisk(probe);
if (canMount) await run('umount', [probe]);
const reason = canMount ? '' : ' (skipped: mounting a small tmpfs needs root here; tests/pipeline/disk-full.test.ts covers a full disk through /dev/full)';

const mounted: string[] = [];
let story: string;
beforeAll(async () => {
  story = join(root, 'lifeboat.txt');
  await writeFile(story, SHORT_STORY);
});
afterAll(async () => {
  for (const path of mounted) await run('umount', [path]).catch(() => run('umount', ['-l', path]));
  await rm(root, { recursive: true, force: true });
});

async function smallFullDisk(name: string, leftKb: number): Promise<string> {
  const path = join(root, name);
  await mkdir(path);
  if (!(await mountSmallDisk(path))) throw new Error(`could not mount a tmpfs at ${path}`);
  mounted.push(path);
  await fillDisk(path, leftKb);
  return path;
}

describe('briefing build on a full disk', () => {
  it.skipIf(!canMount)(`names the output folder, exits 1 and leaves nothing behind when the output disk fills${reason}`, async () => {
    const output = await smallFullDisk('output', 96);
    const result = await runBriefing(['build', story, '-o', output, '--cache', join(root, 'cache-for-output'), '-q']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`briefing: output folder ${output}: the disk is full (no space left on device)\n`);
    expect(await readdir(output)).toEqual(['filler']);
  });

  it.skipIf(!canMount)(`names the cache folder, exits 1 and leaves nothing behind when the cache disk fills${reason}`, async () => {
    const cache = await smallFullDisk('cache', 8);
    const output = join(root, 'output-for-cache');
    const result = await runBriefing(['build', story, '-o', output, '--cache', cache, '-q']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`briefing: cache folder ${cache}: the disk is full (no space left on device)\n`);
    const left = await readdir(cache, { recursive: true });
    expect(left.filter((name) => name.endsWith('.tmp') || name.endsWith('.wav') || name.endsWith('.episode'))).toEqual([]);
    expect(await readdir(output).catch(() => [])).toEqual([]);
  });
});
