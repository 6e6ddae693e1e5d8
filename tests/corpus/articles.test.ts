import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Manifest } from '../../src/publish/manifest.js';
import { decodedDurationMs, resolveFfmpegPath } from '../../src/platform/ffmpeg.js';
import { runBriefing } from '../helpers/run-cli.js';
import { assertWellFormed } from '../helpers/xml.js';
import { corpusFile, expectationOf } from './corpus-files.js';
import { checkEpisode } from './listener-check.js';

let folder: string;
let cache: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'briefing-corpus-'));
  cache = join(folder, 'cache');
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

async function build(file: string, extra: string[] = []): Promise<{ directory: string; manifest: Manifest }> {
  const output = join(folder, file.replace(/\W/g, '-'));
  const run = await runBriefing(['build', corpusFile(file), '-o', output, '--cache', cache, '--json', ...extra]);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  const manifest = JSON.parse(run.stdout) as Manifest;
  const directory = (await readdir(output)).find((name) => /^\d{4}-\d{2}-\d{2}-/.test(name));
  return { directory: join(output, directory!), manifest };
}

describe.each([
  ['seed-article.txt', 'seed-article'],
  ['wire-business.txt', 'wire-business'],
  ['feature-night-train.md', 'feature-night-train'],
  ['council-flood-barrier.html', 'council-flood-barrier'],
  ['morning-feed.xml', 'morning-feed'],
])('corpus article %s', (file, name) => {
  it('is heard as its expectations say', async () => {
    const { directory, manifest } = await build(file);
    await checkEpisode(directory, manifest, expectationOf(name));
    for (const block of manifest.blocks) assertWellFormed(block.ssml);
  });
});

describe('the seed article through each embedded engine', () => {
  it.each(['flite', 'espeak'])('%s: an MP3 that decodes, as long as the manifest says, blocks in order', async (engine) => {
    const { directory, manifest } = await build('seed-article.txt', ['--engine', engine, '--no-feed']);
    const decoded = await decodedDurationMs(join(directory, 'episode.mp3'), resolveFfmpegPath());
    expect(Math.abs(decoded - manifest.durationMs) / manifest.durationMs).toBeLessThan(0.01);
    expect(manifest.blocks.at(-1)!.endMs).toBeCloseTo(manifest.durationMs, -1);
    for (let index = 1; index < manifest.blocks.length; index += 1) {
      expect(manifest.blocks[index]!.startMs).toBeGreaterThan(manifest.blocks[index - 1]!.startMs);
    }
    await checkEpisode(directory, manifest, expectationOf('seed-article'));
  });
});
