import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Manifest } from '../../src/publish/manifest.js';
import { runBriefing } from '../helpers/run-cli.js';

const PIPED = 'Piped notes\n\nThe ferry timetable changes on Monday. Boats leave every hour.\n';
const NAMED = 'Named notes\n\nThe library opens late on Thursdays. Bring a card.\n';

let folder: string;
let named: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'briefing-stdin-'));
  named = join(folder, 'named.txt');
  await writeFile(named, NAMED);
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('- names standard input', () => {
  it('segments - and ssml - read the article piped in', async () => {
    const segments = await runBriefing(['segments', '-'], { stdin: PIPED });
    expect(segments.stderr).toBe('');
    expect(segments.code).toBe(0);
    expect((JSON.parse(segments.stdout) as { title: string }).title).toBe('Piped notes');
    const ssml = await runBriefing(['ssml', '-'], { stdin: PIPED });
    expect(ssml.code).toBe(0);
    expect(ssml.stdout).toMatch(/ferry timetable/);
  });

  it('build - beside a file reads both, in the order given', async () => {
    const run = await runBriefing(['build', '-', named, '-o', join(folder, 'out'), '--no-cache', '--json', '--no-feed'], { stdin: PIPED });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const manifest = JSON.parse(run.stdout) as Manifest;
    expect(manifest.stories.map((story) => story.title)).toEqual(['Piped notes', 'Named notes']);
  });

  it('refuses - twice: standard input can be read once', async () => {
    const output = join(folder, 'twice');
    const run = await runBriefing(['build', '-', '-', '-o', output], { stdin: PIPED });
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/standard input can be read only once/);
    expect(existsSync(output)).toBe(false);
  });
});
