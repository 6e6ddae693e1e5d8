import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import NodeID3 from 'node-id3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveFfmpegPath } from '../../src/platform/ffmpeg.js';
import { runBriefing } from '../helpers/run-cli.js';

let folder: string;
let first: string;
let second: string;
let cover: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'briefing-show-'));
  first = join(folder, 'first.txt');
  second = join(folder, 'second.txt');
  await writeFile(first, 'Ferry news\n\nThe ferry leaves at noon.\n');
  await writeFile(second, 'Market news\n\nThe market opens at nine.\n');
  cover = join(folder, 'red.png');
  await promisify(execFile)(resolveFfmpegPath(), ['-v', 'error', '-f', 'lavfi', '-i', 'color=c=red:s=16x16', '-frames:v', '1', cover]);
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('show options reach the feed and the show page', () => {
  it('--show, --cover, --description and --keep say the same in the feed, the pages and the tags', async () => {
    const output = join(folder, 'out');
    const flags = ['-o', output, '--no-cache', '-q', '--show', 'Harbour Radio', '--cover', cover, '--keep', '1'];
    expect((await runBriefing(['build', first, ...flags, '--description', 'Crossings and timetables.'])).code).toBe(0);
    expect((await runBriefing(['build', second, ...flags, '--description', 'Stalls and prices.'])).code).toBe(0);

    const feed = await readFile(join(output, 'feed.xml'), 'utf8');
    const channel = feed.slice(0, feed.indexOf('<item>'));
    expect(channel).toMatch(/<title>Harbour Radio<\/title>/);
    expect(channel).toMatch(/<itunes:image href="[^"]*\/cover\.png"/);
    expect(await readFile(join(output, 'cover.png'))).toEqual(await readFile(cover));
    expect(feed.match(/<item>/g)).toHaveLength(1);
    expect(feed).toMatch(/<description>Stalls and prices\.<\/description>/);

    const page = await readFile(join(output, 'index.html'), 'utf8');
    expect(page).toMatch(/<title>Harbour Radio<\/title>/);
    expect(page).toContain('Market news');
    expect(page).not.toContain('Ferry news');
    expect(page).toContain('Stalls and prices.');

    const episodes = (await readdir(output)).filter((name) => /^\d{4}-/.test(name));
    const newest = episodes.find((name) => name.endsWith('market-news'))!;
    const episodePage = await readFile(join(output, newest, 'index.html'), 'utf8');
    expect(episodePage).toContain('Harbour Radio');
    const tags = NodeID3.read(join(output, newest, 'episode.mp3'));
    expect(tags.album).toBe('Harbour Radio');
    expect(tags.comment?.text).toBe('Stalls and prices.');
    expect(tags.image && typeof tags.image !== 'string' ? tags.image.imageBuffer : undefined).toEqual(await readFile(cover));
  });

  it("titles a briefing in the show's language, whatever the first story's", async () => {
    const french = join(folder, 'french.md');
    await writeFile(french, '---\nlang: fr\n---\n# Le marché rouvre\n\nLe marché couvert rouvre samedi matin.\n');
    const run = await runBriefing(['build', french, first, '--dry-run', '--json']);
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as { title: string }).title).toMatch(/^Briefing, (Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), /);
    const config = join(folder, 'briefing.config.json');
    await writeFile(config, JSON.stringify({ show: { language: 'de' } }));
    const german = await runBriefing(['build', first, french, '--dry-run', '--json', '--config', config]);
    expect((JSON.parse(german.stdout) as { title: string }).title).toMatch(/^Briefing, (Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag), /);
  });
});
