import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, runBriefing } from '../helpers/run-cli.js';
import { SHORT_STORY } from '../helpers/test-articles.js';

let folder: string;
let story: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'briefing-parallel-'));
  story = join(folder, 'story.txt');
  await writeFile(story, SHORT_STORY);
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

async function mp3Of(output: string): Promise<Buffer> {
  const episode = (await readdir(output)).find((name) => /^\d{4}-/.test(name))!;
  return readFile(join(output, episode, 'episode.mp3'));
}

describe('parallel synthesis', () => {
  it('gives the same audio bytes with --jobs 1 and --jobs 4', async () => {
    const one = await runBriefing(['build', story, '-o', join(folder, 'one'), '--no-cache', '--no-feed', '--jobs', '1', '-q']);
    const four = await runBriefing(['build', story, '-o', join(folder, 'four'), '--no-cache', '--no-feed', '--jobs', '4', '-q']);
    expect(one.code).toBe(0);
    expect(four.code).toBe(0);
    expect((await mp3Of(join(folder, 'four'))).equals(await mp3Of(join(folder, 'one')))).toBe(true);
  });
});

describe('interrupting a build', () => {
  it('stops on SIGINT, leaves nothing under a final name and no temporary files, and the next run resumes from the cache', async () => {
    const scratch = join(folder, 'tmp');
    await mkdir(scratch);
    const long = join(folder, 'long.txt');
    const paragraphs = Array.from({ length: 40 }, (_, index) => `Paragraph ${index + 1} of the council report describes the works on the river bank in some detail, with dates and costs.`);
    await writeFile(long, `A long council report\n\n${paragraphs.join('\n\n')}\n`);
    const output = join(folder, 'interrupted');
    const cache = join(folder, 'cache');
    const child = spawn(process.execPath, [CLI, 'build', long, '-o', output, '--cache', cache, '--jobs', '2'], {
      env: { ...process.env, TMPDIR: scratch },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    await new Promise<void>((resolve) => {
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        const done = stderr.match(/synthesize: (\d+)\/(\d+)/g)?.at(-1);
        if (done && !/ 0\//.test(done)) resolve();
      });
      void exited.then(() => resolve());
    });
    child.kill('SIGINT');
    const code = await exited;
    expect(code).toBe(130);
    expect(stderr).toMatch(/briefing: .*aborted/);
    const left = existsSync(output) ? await readdir(output) : [];
    expect(left.filter((name) => !name.startsWith('.'))).toEqual([]);
    expect(left).toEqual([]);
    expect(await readdir(scratch)).toEqual([]);

    const rerun = await runBriefing(['build', long, '-o', output, '--cache', cache, '--json', '--no-feed']);
    expect(rerun.code).toBe(0);
    const manifest = JSON.parse(rerun.stdout) as { synthesis: { cacheHits: number; cacheMisses: number } };
    expect(manifest.synthesis.cacheHits).toBeGreaterThan(0);
  });
});
