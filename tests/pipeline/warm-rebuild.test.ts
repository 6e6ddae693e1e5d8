import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBriefing } from '../helpers/run-cli.js';
import { SHORT_STORY } from '../helpers/test-articles.js';

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'briefing-warm-'));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

interface Snapshot {
  mp3: Buffer;
  mp3Modified: number;
  manifest: { createdAt: string; contentHash: string; engineVersion?: string; rebuildKey?: string; loudness: { encodes: number } };
}

async function episode(output: string): Promise<{ directory: string; snapshot: Snapshot }> {
  const folders = (await readdir(output, { withFileTypes: true })).filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'));
  expect(folders).toHaveLength(1);
  const directory = join(output, folders[0]!.name);
  return {
    directory,
    snapshot: {
      mp3: await readFile(join(directory, 'episode.mp3')),
      mp3Modified: (await stat(join(directory, 'episode.mp3'))).mtimeMs,
      manifest: JSON.parse(await readFile(join(directory, 'manifest.json'), 'utf8')) as Snapshot['manifest'],
    },
  };
}

async function build(story: string, output: string, cache: string, extra: string[] = []) {
  const run = await runBriefing(['build', story, '-o', output, '--cache', cache, '-q', '--json', ...extra]);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as Snapshot['manifest'];
}

/** A first build of the short story into folders of its own named after `name`. */
async function firstBuild(name: string) {
  const story = join(folder, `${name}.txt`);
  const output = join(folder, `${name}-out`);
  const cache = join(folder, `${name}-cache`);
  await writeFile(story, SHORT_STORY);
  return { story, output, cache, cold: await build(story, output, cache) };
}

describe('a rebuild of an unchanged article', () => {
  it('reuses the finished episode: the MP3 is not written again, the feed still lists it once', async () => {
    const { story, output, cache, cold } = await firstBuild('unchanged');
    expect(cold.loudness.encodes).toBeGreaterThan(0);
    const before = await episode(output);
    await rm(join(output, 'feed.xml'));

    const warm = await build(story, output, cache);
    const after = await episode(output);
    expect(after.directory).toBe(before.directory);
    expect(after.snapshot.mp3.equals(before.snapshot.mp3)).toBe(true);
    // Not even copied from the cache: the very same file, untouched.
    expect(after.snapshot.mp3Modified).toBe(before.snapshot.mp3Modified);
    expect(warm.createdAt).toBe(cold.createdAt);
    expect(warm.contentHash).toBe(cold.contentHash);
    // What is published around the episode is written again.
    const feed = await readFile(join(output, 'feed.xml'), 'utf8');
    expect(feed.match(/<item>/g)).toHaveLength(1);
  });

  it('is built again when a setting changed, or when a file of the episode is missing or damaged', async () => {
    const { story, output, cache } = await firstBuild('changed');
    const first = await episode(output);

    // Another bitrate is another episode: it gets its own folder and its own encode.
    const other = await build(story, join(folder, 'changed-other'), cache, ['--bitrate', '96']);
    expect(other.contentHash).not.toBe(first.snapshot.manifest.contentHash);

    // A damaged episode file: the episode is made again (from the cache) and is whole.
    const transcript = (await readdir(first.directory)).find((name) => name.endsWith('.vtt'))!;
    await writeFile(join(first.directory, transcript), 'WEBVTT\n');
    const again = await build(story, output, cache);
    const rebuilt = await episode(output);
    expect(again.createdAt).not.toBe(first.snapshot.manifest.createdAt);
    expect((await stat(join(rebuilt.directory, transcript))).size).toBeGreaterThan('WEBVTT\n'.length);
    expect(rebuilt.snapshot.mp3Modified).not.toBe(first.snapshot.mp3Modified);
  });

  it('is made again, in its place, when the engine that voiced it was another build of it', async () => {
    const { story, output, cache, cold } = await firstBuild('upgraded');
    expect(cold.engineVersion).toMatch(/^2\.3-wasi-\d/);
    const first = await episode(output);
    const guid = (await readFile(join(output, 'feed.xml'), 'utf8')).match(/<guid[^>]*>([^<]+)<\/guid>/)![1];

    // As an episode made before the engine's package was upgraded records it (its rebuild key held the old version too).
    const manifestPath = join(first.directory, 'manifest.json');
    await writeFile(manifestPath, `${JSON.stringify({ ...first.snapshot.manifest, engineVersion: '2.3-wasi-0.0.1', rebuildKey: '0'.repeat(32) }, null, 2)}\n`);

    const again = await build(story, output, cache);
    const remade = await episode(output);
    expect(remade.directory).toBe(first.directory);
    expect(again.createdAt).not.toBe(cold.createdAt);
    expect(again.engineVersion).toBe(cold.engineVersion);
    expect(again.contentHash).toBe(cold.contentHash);
    expect(remade.snapshot.mp3Modified).not.toBe(first.snapshot.mp3Modified);
    // The same content: the feed keeps its one item, under the same guid.
    const feed = await readFile(join(output, 'feed.xml'), 'utf8');
    expect(feed.match(/<item>/g)).toHaveLength(1);
    expect(feed).toContain(guid);
  });
});
