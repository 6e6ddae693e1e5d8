import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSources } from '../../src/sources/index.js';
import { withWarningsAsync } from '../helpers/with-warnings.js';
import { RSS_FEED } from './source-fixtures.js';
import { failure } from '../helpers/expect-error.js';

let root: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'briefing-folders-'));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function folderWith(name: string, files: Record<string, string>): Promise<string> {
  const folder = join(root, name);
  await mkdir(folder);
  for (const [file, content] of Object.entries(files)) await writeFile(join(folder, file), content);
  return folder;
}

const noNetwork = (async () => {
  throw new Error('this test uses no network');
}) as typeof fetch;

describe('folder input', () => {
  it('reads every article and feed file inside, sorted by name, numbers in order', async () => {
    const folder = await folderWith('mixed', {
      'b-weather.md': '# Frost warning for the hills\n\nOvernight temperatures could fall to minus four in the hill villages.\n',
      'a-roads.txt': 'Bypass opens a month early\n\nThe eastern bypass opened to traffic on Thursday, a month ahead of schedule.\n',
      '10-late.html': '<!doctype html><html lang="en"><body><article><h1>Choir concert moves indoors</h1><p>The open-air choir concert will be held in the town hall because of the forecast.</p></article></body></html>',
      '2-early.htm': '<!doctype html><html lang="en"><body><article><h1>Museum extends Sunday hours</h1><p>The town museum will open until six on Sundays from next month, its trustees said.</p></article></body></html>',
      'c-gazette.rss': RSS_FEED,
      'notes.json': '{"not": "an article"}',
      '.hidden.md': '# Hidden draft\n\nNot for the briefing.\n',
    });
    await mkdir(join(folder, 'older'));
    await writeFile(join(folder, 'older', 'old.md'), '# Old story\n\nFrom last week.\n');

    const { articles, warnings } = await withWarningsAsync((context) => readSources([folder], { fetch: noNetwork, context }));
    expect(warnings).toEqual([]);
    expect(articles.map((article) => article.title)).toEqual([
      'Museum extends Sunday hours',
      'Choir concert moves indoors',
      'Bypass opens a month early',
      'Frost warning for the hills',
      'Tram line reopens after bridge repairs',
      'Bakery wins regional bread prize',
      'Council & residents agree on dog park',
    ]);
    expect(articles[0]!.source).toBe(join(folder, '2-early.htm'));
    expect(articles[4]!.source).toBe(`${join(folder, 'c-gazette.rss')}#gazette-tram-0412`);
  });

  it('says an empty folder has no articles, naming it', async () => {
    const folder = await folderWith('empty', { 'readme.json': '{}' });
    const error = await failure(readSources([folder]));
    expect(error.code).toBe('INPUT_EMPTY');
    expect(error.message).toMatch(new RegExp(`^${folder.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: has no article or feed files \\(\\.txt, \\.md,`));
    expect(error.message).not.toContain('\n');
  });

  it('skips a file without text with a warning, and fails only when no file has any', async () => {
    const folder = await folderWith('some-empty', {
      'a-empty.txt': '   \n',
      'b-story.md': '# Ferry fares frozen\n\nFares will stay the same until next summer, the operator said.\n',
    });
    const { articles, warnings } = await withWarningsAsync((context) => readSources([folder], { context }));
    expect(articles.map((article) => article.title)).toEqual(['Ferry fares frozen']);
    expect(warnings).toEqual([
      { code: 'INPUT_EMPTY', source: join(folder, 'a-empty.txt'), message: `${join(folder, 'a-empty.txt')}: has no readable text; skipped`, stage: 'ingest' },
    ]);

    const allEmpty = await folderWith('all-empty', { 'a.txt': '', 'b.md': '\n\n' });
    expect(await failure(readSources([allEmpty]))).toEqual({ code: 'INPUT_EMPTY', message: `${allEmpty}: none of its files has readable text` });
  });
});

describe('file and standard input', () => {
  it('reads plain files through the article ingest, with its errors', async () => {
    const missing = join(root, 'missing.md');
    expect(await failure(readSources([missing]))).toEqual({ code: 'INPUT_NOT_FOUND', message: `${missing}: no such file` });
  });

  it('reads an article from standard input', async () => {
    async function* stdin() {
      yield '# Harbour wall repaired\n\nThe harbour wall damaged in the March storms has been rebuilt.\n';
    }
    const { articles } = await readSources(['-'], { stdin: stdin() });
    expect(articles).toMatchObject([{ title: 'Harbour wall repaired', source: '-' }]);
  });

  it('keeps the order of several inputs', async () => {
    const first = join(root, 'first.txt');
    const second = join(root, 'second.md');
    await writeFile(first, 'Bus lane trial ends\n\nThe bus lane trial on Quay Road ended on Friday.\n');
    await writeFile(second, '# Swimming pool reopens\n\nThe pool reopened after its roof was replaced.\n');
    const { articles } = await readSources([second, first]);
    expect(articles.map((article) => article.title)).toEqual(['Swimming pool reopens', 'Bus lane trial ends']);
  });

  it('refuses no inputs and bad options', async () => {
    expect((await failure(readSources([]))).code).toBe('USAGE');
    expect(await failure(readSources(['x.md'], { maxStories: 0 }))).toEqual({ code: 'USAGE', message: 'maxStories must be a whole number of at least 1' });
  });
});
