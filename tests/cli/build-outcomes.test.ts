import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBriefing } from '../helpers/run-cli.js';

let folder: string;
let story: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'briefing-outcomes-'));
  story = join(folder, 'story.txt');
  await writeFile(story, 'Tide tables\n\nHigh tide is at noon. Low tide follows at six.\n');
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

async function episodePage(output: string): Promise<string> {
  const episodes = (await readdir(output)).filter((name) => /^\d{4}-\d{2}-\d{2}-/.test(name));
  expect(episodes).toHaveLength(1);
  return readFile(join(output, episodes[0]!, 'index.html'), 'utf8');
}

describe('what a build leaves behind', () => {
  it('a build that fails during synthesis leaves no output folder it made', async () => {
    const output = join(folder, 'failed', 'deeper');
    const run = await runBriefing(['build', story, '-o', output, '--no-cache', '--engine', 'command', '--engine-option', 'command=false {out}']);
    expect(run.code).toBe(1);
    expect(existsSync(join(folder, 'failed'))).toBe(false);
  });

  it('a failed build leaves a folder that was already there', async () => {
    const output = join(folder, 'existing');
    await mkdir(output);
    const run = await runBriefing(['build', story, '-o', output, '--no-cache', '--engine', 'command', '--engine-option', 'command=false {out}']);
    expect(run.code).toBe(1);
    expect(await readdir(output)).toEqual([]);
  });

  it('--no-feed: the episode page links to no feed or show page that is not there', async () => {
    const output = join(folder, 'no-feed');
    const run = await runBriefing(['build', story, '-o', output, '--no-cache', '--no-feed']);
    expect(run.code).toBe(0);
    expect(existsSync(join(output, 'feed.xml'))).toBe(false);
    const page = await episodePage(output);
    expect(page).not.toMatch(/href="\.\.\/feed\.xml"/);
    expect(page).not.toMatch(/href="\.\.\/index\.html"/);
  });

  it('says what it is doing between the last piece and the finished MP3', async () => {
    const run = await runBriefing(['build', story, '-o', join(folder, 'steps'), '--no-cache', '--no-feed']);
    expect(run.code).toBe(0);
    const lines = run.stderr.split('\n');
    const lastPiece = lines.findLastIndex((line) => line.startsWith('synthesize:'));
    const encoded = lines.findIndex((line) => line.startsWith('encode: encoded'));
    expect(lastPiece).toBeGreaterThanOrEqual(0);
    expect(lines.slice(lastPiece + 1, encoded).some((line) => /^encode: .*measuring its loudness/.test(line))).toBe(true);
  });

  it.each([
    ['a text file as the music bed', (text: string) => ['--music-bed', text], /story\.txt: is not an audio file ffmpeg can read \(the bed music\)$/],
    ['a missing intro music file', () => ['--intro-music', join(folder, 'no-intro.mp3')], /no-intro\.mp3: no such file \(the intro music\)$/],
    ['a text file as the cover', (text: string) => ['--cover', text], /story\.txt: is neither a PNG nor a JPEG image \(the cover image\)$/],
  ] as const)('%s: one line naming the file, before any synthesis, nothing written', async (_name, flags, message) => {
    const output = join(folder, `bad-file-${_name.replace(/\W+/g, '-')}`);
    const run = await runBriefing(['build', story, '-o', output, '--no-cache', ...flags(story)]);
    expect(run.code).toBe(1);
    expect(run.stderr).not.toMatch(/synthesize:/);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr.trim()).toMatch(message);
    expect(existsSync(output)).toBe(false);
  });

  it('polly without credentials stops before any work, naming what is missing', async () => {
    const output = join(folder, 'polly');
    const env = {
      AWS_ACCESS_KEY_ID: '',
      AWS_SECRET_ACCESS_KEY: '',
      AWS_SESSION_TOKEN: '',
      AWS_REGION: 'eu-west-1',
      AWS_CONFIG_FILE: join(folder, 'no-aws-config'),
      AWS_SHARED_CREDENTIALS_FILE: join(folder, 'no-aws-credentials'),
      AWS_EC2_METADATA_DISABLED: 'true',
      HOME: folder,
    };
    const run = await runBriefing(['build', story, '-o', output, '--no-cache', '--engine', 'polly'], { env });
    expect(run.code).toBe(1);
    expect(run.stderr).not.toMatch(/synthesize:/);
    expect(run.stderr.trim()).toMatch(/^briefing: polly: no AWS credentials: .*AWS_ACCESS_KEY_ID/);
    expect(existsSync(output)).toBe(false);
  });

  it('says when speech came from the cache, and when the finished episode was kept as it was', async () => {
    const cache = join(folder, 'cache-use');
    const first = await runBriefing(['build', story, '-o', join(folder, 'cache-first'), '--cache', cache, '--no-feed']);
    expect(first.code).toBe(0);
    expect(first.stderr).not.toMatch(/from the cache/);
    const second = await runBriefing(['build', story, '-o', join(folder, 'cache-second'), '--cache', cache, '--no-feed']);
    expect(second.code).toBe(0);
    expect(second.stderr).toMatch(/briefing: wrote .+ \((\d+) of \1 speech pieces from the cache\)\n/);
    const again = await runBriefing(['build', story, '-o', join(folder, 'cache-second'), '--cache', cache, '--no-feed']);
    expect(again.code).toBe(0);
    expect(again.stderr).toMatch(/briefing: unchanged, kept .+cache-second.+\n$/);
  });
});
