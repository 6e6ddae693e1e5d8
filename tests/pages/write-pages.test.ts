import { mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ShowSettings } from '../../src/publish/show-settings.js';
import { listEpisodes, writeEpisodePage, writeShowPage } from '../../src/pages/index.js';
import { buildCaptionCues } from '../../src/publish/captions.js';
import { templatePath } from '../../src/publish/templates-folder.js';
import { episodeManifest } from '../feed/episode-fixture.js';

let output: string;

beforeEach(async () => {
  output = await mkdtemp(join(tmpdir(), 'briefing-pages-'));
});
afterEach(async () => {
  await rm(output, { recursive: true, force: true });
});

const show: ShowSettings = {
  title: 'Morning Notes',
  description: 'News.',
  author: 'Notes',
  language: 'en',
  category: 'News',
  explicit: false,
  coverImage: templatePath('cover.png'),
  baseUrl: 'https://example.org/notes',
  locked: false,
};

async function episodeFolder(name: string, title: string, createdAt: string): Promise<void> {
  await mkdir(join(output, name), { recursive: true });
  await writeFile(join(output, name, 'manifest.json'), JSON.stringify(episodeManifest(title, createdAt)));
}

describe('writeShowPage and writeEpisodePage', () => {
  it('list the finished episode folders, newest first, and copy the cover', async () => {
    await episodeFolder('2025-03-01-first', 'First', '2025-03-01T07:00:00.000Z');
    await episodeFolder('2025-03-02-second', 'Second', '2025-03-02T07:00:00.000Z');
    await episodeFolder('.2025-03-03-third.partial-1234', 'Unfinished', '2025-03-03T07:00:00.000Z');
    await mkdir(join(output, 'not-an-episode'));
    await writeFile(join(output, 'not-an-episode', 'manifest.json'), '{"something": "else"}');

    expect((await listEpisodes(output)).map((episode) => episode.folder).sort()).toEqual(['2025-03-01-first', '2025-03-02-second']);
    const path = await writeShowPage(output, show);
    expect(path).toBe(join(output, 'index.html'));
    const { document } = parseHTML(await readFile(path, 'utf8'));
    expect(Array.from(document.querySelectorAll('main article h3')).map((heading) => heading.textContent)).toEqual(['Second', 'First']);
    expect(document.querySelector('img.cover')?.getAttribute('src')).toBe('cover.png');
    expect(await readFile(join(output, 'cover.png'))).toEqual(await readFile(templatePath('cover.png')));
    expect((await readdir(output)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('writes the episode page with the captions of its manifest, without reading episode.vtt back', async () => {
    await episodeFolder('2025-03-01-first', 'First', '2025-03-01T07:00:00.000Z');
    const manifest = episodeManifest('First', '2025-03-01T07:00:00.000Z');
    // A caption file that disagrees with the manifest is not what the page shows.
    await writeFile(join(output, '2025-03-01-first', 'episode.vtt'), 'WEBVTT\n\n00:00:00.480 --> 00:00:01.500\nSomething else\n');
    const path = await writeEpisodePage(join(output, '2025-03-01-first'), manifest, show);
    const { document } = parseHTML(await readFile(path, 'utf8'));
    const expected = buildCaptionCues(manifest).map((cue) => ({ startMs: cue.startMs, endMs: cue.endMs, text: cue.lines.join('\n') }));
    expect(expected.length).toBeGreaterThan(0);
    expect(JSON.parse(document.getElementById('caption-cues')?.textContent ?? '')).toEqual(expected);
    expect(document.querySelector('.show-link a')?.textContent).toBe('Morning Notes');
  });

  it('leaves a page made from the same manifest and settings as it is, and makes it again when either changed', async () => {
    await episodeFolder('2025-03-01-first', 'First', '2025-03-01T07:00:00.000Z');
    const folder = join(output, '2025-03-01-first');
    const manifest = episodeManifest('First', '2025-03-01T07:00:00.000Z');
    const path = await writeEpisodePage(folder, manifest, show);
    const first = await stat(path);
    const page = await readFile(path, 'utf8');
    expect(page.startsWith('<!DOCTYPE html>\n<!-- briefing page ')).toBe(true);

    await writeEpisodePage(folder, manifest, show);
    expect((await stat(path)).ino).toBe(first.ino);
    expect(await readFile(path, 'utf8')).toBe(page);

    // Written anew (atomically, so a new file) for another show title, and for another manifest.
    await writeEpisodePage(folder, manifest, { ...show, title: 'Evening Notes' });
    const retitled = await stat(path);
    expect(retitled.ino).not.toBe(first.ino);
    expect(parseHTML(await readFile(path, 'utf8')).document.querySelector('.show-link a')?.textContent).toBe('Evening Notes');
    await writeEpisodePage(folder, { ...manifest, title: 'First, corrected' }, { ...show, title: 'Evening Notes' });
    expect((await stat(path)).ino).not.toBe(retitled.ino);
  });
});

describe('writeShowPage on a rebuild', () => {
  it('leaves a show page made from the same episodes and settings as it is, and makes it again when either changed', async () => {
    await episodeFolder('2025-03-01-first', 'First', '2025-03-01T07:00:00.000Z');
    const path = await writeShowPage(output, show);
    const first = await stat(path);
    const page = await readFile(path, 'utf8');
    expect(page.startsWith('<!DOCTYPE html>\n<!-- briefing page ')).toBe(true);

    await writeShowPage(output, show);
    expect((await stat(path)).ino).toBe(first.ino);
    expect(await readFile(path, 'utf8')).toBe(page);

    // Written anew (atomically, so a new file) for other settings, for a new episode and for a changed manifest.
    await writeShowPage(output, { ...show, title: 'Evening Notes' });
    const retitled = await stat(path);
    expect(retitled.ino).not.toBe(first.ino);
    expect(parseHTML(await readFile(path, 'utf8')).document.querySelector('h1')?.textContent).toContain('Evening Notes');
    await episodeFolder('2025-03-02-second', 'Second', '2025-03-02T07:00:00.000Z');
    await writeShowPage(output, { ...show, title: 'Evening Notes' });
    const added = await stat(path);
    expect(added.ino).not.toBe(retitled.ino);
    expect(Array.from(parseHTML(await readFile(path, 'utf8')).document.querySelectorAll('main article h3')).map((heading) => heading.textContent)).toEqual(['Second', 'First']);
    await writeFile(join(output, '2025-03-02-second', 'manifest.json'), JSON.stringify(episodeManifest('Second, corrected', '2025-03-02T07:00:00.000Z')));
    await writeShowPage(output, { ...show, title: 'Evening Notes' });
    expect((await stat(path)).ino).not.toBe(added.ino);
    expect(parseHTML(await readFile(path, 'utf8')).document.querySelector('main article h3')?.textContent).toBe('Second, corrected');
  });
});

describe('writeShowPage at the same time from two builds', () => {
  it('ends with a page listing both episodes', async () => {
    await episodeFolder('2025-03-01-first', 'First', '2025-03-01T07:00:00.000Z');
    await episodeFolder('2025-03-02-second', 'Second', '2025-03-02T07:00:00.000Z');
    await Promise.all([writeShowPage(output, show), writeShowPage(output, show)]);
    const { document } = parseHTML(await readFile(join(output, 'index.html'), 'utf8'));
    expect(document.querySelectorAll('main article')).toHaveLength(2);
    expect((await readdir(output)).filter((name) => name.startsWith('.'))).toEqual([]);
  });
});
