import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ingestFile } from '../../src/ingest/index.js';
import { RunContext } from '../../src/platform/run-context.js';
import { segmentArticle } from '../../src/segment/index.js';
import { fold, quoteRunsWith, spokenInOrder, spokenText, timesSpoken } from './story-outline.js';

interface Expected {
  title: string;
  author: string | null;
  date?: string;
  language?: string;
  standfirst: string | null;
  chapters: string[];
  dropped: string[];
  notSpoken: string[];
  spokenOnce: string[];
  quotes: { text: string; speaker: string | null }[];
  order: string[];
}

const folder = fileURLToPath(new URL('../fixtures/articles/', import.meta.url));
const fixtures = [
  'press-release.txt',
  'sports-report.txt',
  'live-blog.txt',
  'wire-port.txt',
  'feature-lighthouse.md',
  'hospital-parking.html',
];

describe.each(fixtures)('fixture %s', (name) => {
  const expected = JSON.parse(readFileSync(`${folder}${name.replace(/\.\w+$/, '.expected.json')}`, 'utf8')) as Expected;
  const load = async () => {
    const context = new RunContext();
    const { articles } = await ingestFile(`${folder}${name}`, { context });
    expect(context.warnings).toEqual([]);
    expect(articles).toHaveLength(1);
    return segmentArticle(articles[0]!);
  };

  it('has its title, metadata and standfirst', async () => {
    const story = await load();
    expect(story.title).toBe(expected.title);
    expect(story.blocks[0]).toMatchObject({ id: 's0-b0', kind: 'title', text: expected.title });
    expect(story.author).toBe(expected.author ?? undefined);
    if (expected.date) expect(story.publishedAt?.startsWith(expected.date)).toBe(true);
    expect(story.language).toBe(expected.language ?? 'en');
    const standfirst = story.blocks.find((block) => block.kind === 'standfirst');
    expect(standfirst?.text).toBe(expected.standfirst ?? undefined);
  });

  it('has its chapters in order', async () => {
    const story = await load();
    expect(story.blocks.filter((block) => block.kind === 'heading').map((block) => block.text)).toEqual(expected.chapters);
  });

  it('drops furniture, captions and metadata, and never speaks them', async () => {
    const story = await load();
    const dropped = story.dropped.map((entry) => entry.text).join('\n');
    for (const text of expected.dropped) expect(dropped, text).toContain(text);
    const spoken = spokenText(story);
    for (const text of expected.notSpoken) expect(spoken, text).not.toContain(fold(text));
    for (const text of expected.spokenOnce) expect(timesSpoken(story, text), text).toBe(1);
  });

  it('marks quoted speech with its speaker', async () => {
    const story = await load();
    for (const quote of expected.quotes) {
      const runs = quoteRunsWith(story, quote.text);
      expect(runs.length, quote.text).toBeGreaterThan(0);
      for (const run of runs) expect(run.speaker, quote.text).toBe(quote.speaker ?? undefined);
    }
  });

  it('keeps the reading order', async () => {
    const story = await load();
    expect(spokenInOrder(story, expected.order)).toBe(true);
  });
});
