import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Manifest } from '../../src/publish/manifest.js';
import { decodedDurationMs, resolveFfmpegPath } from '../../src/platform/ffmpeg.js';
import { runBriefing } from '../helpers/run-cli.js';
import { SHORT_STORY } from '../helpers/test-articles.js';
import { assertWellFormed, emphasizedTexts } from '../helpers/xml.js';

let folder: string;
let storyPath: string;
const ffmpegPath = resolveFfmpegPath();

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'briefing-cli-'));
  storyPath = join(folder, 'lifeboat.txt');
  await writeFile(storyPath, SHORT_STORY);
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

async function episodeFolder(output: string): Promise<string> {
  const entries = (await readdir(output)).filter((name) => /^\d{4}-\d{2}-\d{2}-/.test(name));
  expect(entries).toHaveLength(1);
  expect((await readdir(output)).sort()).toEqual([...entries, 'cover.png', 'feed.xml', 'index.html'].sort());
  return join(output, entries[0]!);
}

describe.each(['flite', 'espeak'])('briefing build --engine %s', (engine) => {
  it('writes an episode whose MP3, timings, SSML and quotes hold together', async () => {
    const output = join(folder, `out-${engine}`);
    const cache = join(folder, `cache-${engine}`);
    const run = await runBriefing(['build', storyPath, '-o', output, '--engine', engine, '--cache', cache, '--json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const printed = JSON.parse(run.stdout) as Manifest;
    const directory = await episodeFolder(output);
    expect(directory).toMatch(/\d{4}-\d{2}-\d{2}-harbour-town-opens-new-lifeboat-station$/);
    const manifest = JSON.parse(await readFile(join(directory, 'manifest.json'), 'utf8')) as Manifest;
    expect(manifest).toEqual(printed);
    for (const name of ['index.html', 'episode.mp3', 'episode.vtt', 'episode.srt', 'transcript.txt', 'transcript.html', 'chapters.json']) {
      expect(existsSync(join(directory, name)), name).toBe(true);
    }
    expect(manifest.title).toBe('Harbour town opens new lifeboat station');
    expect(manifest.engine).toBe(engine);

    // The MP3 decodes and lasts as long as the manifest says (within 1%).
    const decoded = await decodedDurationMs(join(directory, 'episode.mp3'), ffmpegPath);
    expect(Math.abs(decoded - manifest.durationMs) / manifest.durationMs).toBeLessThan(0.01);
    // Blocks tile the timeline: the duration is the sum of every piece and silence.
    expect(manifest.blocks[0]!.startMs).toBe(0);
    for (let index = 1; index < manifest.blocks.length; index += 1) {
      expect(manifest.blocks[index]!.startMs).toBeGreaterThan(manifest.blocks[index - 1]!.startMs);
      expect(manifest.blocks[index]!.startMs).toBeCloseTo(manifest.blocks[index - 1]!.endMs, 0);
    }
    expect(manifest.blocks.at(-1)!.endMs).toBeCloseTo(manifest.durationMs, -1);

    expect(manifest.blocks.map((block) => block.kind)).toEqual(['title', 'standfirst', 'paragraph', 'paragraph', 'heading', 'paragraph']);
    for (const block of manifest.blocks) assertWellFormed(block.ssml);
    const quoted = manifest.blocks.flatMap((block) => block.quotes.map((quote) => ({ quote, ssml: block.ssml })));
    expect(quoted.map(({ quote }) => quote.speaker)).toEqual(['Ruth Adeyemi']);
    for (const { quote, ssml } of quoted) {
      expect(emphasizedTexts(ssml).join(' ')).toContain(quote.text.replace(/[,.]$/, ''));
    }
    expect(manifest.chapters.map((chapter) => chapter.title)).toEqual(['Harbour town opens new lifeboat station', 'Open day']);
    expect(manifest.loudness!.integratedLufs).toBeGreaterThanOrEqual(-17);
    expect(manifest.loudness!.integratedLufs).toBeLessThanOrEqual(-15);
    expect(manifest.loudness!.truePeakDbtp).toBeLessThanOrEqual(-1);
    expect(manifest.files.find((file) => file.name === 'episode.mp3')!.bytes).toBeGreaterThan(1000);
  });
});

describe('briefing build on bad input', () => {
  const cases: [string, (directory: string) => Promise<string>, RegExp][] = [
    ['an empty file', async (directory) => { const path = join(directory, 'empty.txt'); await writeFile(path, ''); return path; }, /empty\.txt: has no readable text/],
    ['a whitespace-only file', async (directory) => { const path = join(directory, 'blank.txt'); await writeFile(path, '  \n\t\n   \n'); return path; }, /blank\.txt: has no readable text/],
    ['a binary file', async (directory) => { const path = join(directory, 'image.bin'); await writeFile(path, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 3, 0, 0, 255, 254, 0])); return path; }, /image\.bin: is not a text file/],
    ['a missing file', async (directory) => join(directory, 'nowhere.txt'), /nowhere\.txt: no such file/],
    ['an empty folder', async (directory) => { const path = join(directory, 'a-folder'); await mkdir(path); return path; }, /a-folder: has no article or feed files/],
  ];
  it.each(cases)('%s: one line naming the file, exit 1, nothing written', async (_name, make, message) => {
    const directory = await mkdtemp(join(folder, 'bad-'));
    const input = await make(directory);
    const output = join(directory, 'out');
    const run = await runBriefing(['build', input, '-o', output, '--no-cache']);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(existsSync(output) ? await readdir(output) : []).toEqual([]);
  });

  it('gives exit status 2 for a usage error', async () => {
    const run = await runBriefing(['build']);
    expect(run.code).toBe(2);
    const unknown = await runBriefing(['build', storyPath, '--no-such-flag']);
    expect(unknown.code).toBe(2);
  });
});

describe('briefing build on markup in the article', () => {
  it('speaks tags as words: no audio, no long break, no emphasis from the article', async () => {
    const input = join(folder, 'injection.txt');
    await writeFile(
      input,
      [
        'Comment box test',
        '',
        'Someone typed <break time="100s"/> and pasted <speak><audio src="http://attacker.example/x.mp3"/></speak> & waited.',
        '',
        'It also showed <emphasis level="strong">fake emphasis</emphasis> and <prosody rate="x-slow">fake slowness</prosody> with ]]> and &amp; too.',
      ].join('\n'),
    );
    const run = await runBriefing(['build', input, '-o', join(folder, 'out-injection'), '--engine', 'espeak', '--no-cache', '--json', '--max-pause', '2000']);
    expect(run.code).toBe(0);
    const manifest = JSON.parse(run.stdout) as Manifest;
    for (const block of manifest.blocks) {
      assertWellFormed(block.ssml);
      expect(block.ssml).not.toMatch(/<audio|<prosody/);
      for (const match of block.ssml.matchAll(/<break time=['"](\d+)ms['"]/g)) expect(Number(match[1])).toBeLessThanOrEqual(2000);
      expect(emphasizedTexts(block.ssml).join(' ')).not.toContain('fake emphasis');
    }
    expect(manifest.blocks.map((block) => block.speech).join(' ')).toMatch(/fake emphasis/);
  });
});
