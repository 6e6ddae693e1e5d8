import { describe, expect, it } from 'vitest';
import { ingestText } from '../../src/ingest/index.js';

function read(text: string) {
  return ingestText(text, 'story.md', 'markdown').articles[0]!;
}

describe('Markdown', () => {
  it('reads the title, italic standfirst, headings, lists, quotes and images', () => {
    const article = read(
      [
        '# Canal boats go electric',
        '',
        '_A quieter future for the towpath._',
        '',
        'Published 2 June 2026',
        '',
        '![A boat at a lock](img/boat.jpg "Lock 12")',
        '',
        'The first **electric** narrowboat passed through [Lock 12](https://canal.test/lock-12) on *Monday*.',
        '',
        '## How it works',
        '',
        '1. A battery bank under the deck.',
        '2. Solar panels on the roof.',
        '   - Folded at bridges.',
        '',
        '> "It is so quiet you hear the herons," said owner Kate Lowry.',
        '>',
        '> "I will never go back."',
        '',
        '### Costs',
        '',
        '#### Fuel',
        '',
        'Charging costs about `£4` a day.',
        '',
        '---',
        '',
        '* * *',
      ].join('\n'),
    );
    expect(article.title).toBe('Canal boats go electric');
    expect(article.standfirst).toBe('A quieter future for the towpath.');
    expect(article.body).toEqual([
      { type: 'paragraph', text: 'Published 2 June 2026' },
      { type: 'caption', text: 'A boat at a lock' },
      { type: 'paragraph', text: 'The first electric narrowboat passed through Lock 12 on Monday.' },
      { type: 'heading', text: 'How it works', level: 2 },
      { type: 'list-item', text: 'A battery bank under the deck.', ordered: true },
      { type: 'list-item', text: 'Solar panels on the roof.', ordered: true },
      { type: 'list-item', text: 'Folded at bridges.', ordered: false },
      { type: 'quote', text: '"It is so quiet you hear the herons," said owner Kate Lowry.' },
      { type: 'quote', text: '"I will never go back."' },
      { type: 'heading', text: 'Costs', level: 3 },
      { type: 'heading', text: 'Fuel', level: 4 },
      { type: 'paragraph', text: 'Charging costs about £4 a day.' },
    ]);
  });

  it('strips HTML inside Markdown to its text and decodes entities', () => {
    const article = read(
      '# Title\n\nFish &amp; chips cost <b>more</b> &ndash; again<!-- note -->.\n\n<div class="box"><p>Boxed <i>text</i>.</p><script>alert(1)</script></div>\n\nEnd.',
    );
    expect(article.body).toEqual([
      { type: 'paragraph', text: 'Fish & chips cost more – again.' },
      { type: 'paragraph', text: 'Boxed text.' },
      { type: 'paragraph', text: 'End.' },
    ]);
  });

  it('does not take a mixed paragraph after the title for a standfirst', () => {
    const article = read('# Title\n\n*Partly* italic.\n\nBody.');
    expect(article.standfirst).toBeUndefined();
    expect(article.body[0]).toEqual({ type: 'paragraph', text: 'Partly italic.' });
  });

  it('reads front matter', () => {
    const article = read('---\ntitle: "Front title"\nauthor: Ana Lima\ndate: 2026-06-02\nlang: en-GB\n---\n\nBody text.');
    expect(article).toMatchObject({ title: 'Front title', author: 'Ana Lima', publishedAt: '2026-06-02', language: 'en-GB' });
    expect(article.body).toEqual([{ type: 'paragraph', text: 'Body text.' }]);
  });

  it('falls back to the first line when there is no H1', () => {
    const article = read('Short first line\n\nThen the body.');
    expect(article.title).toBe('Short first line');
    expect(article.body).toEqual([{ type: 'paragraph', text: 'Then the body.' }]);
  });

  it('keeps a later H1 as a heading', () => {
    const article = read('# One\n\nText.\n\n# Two\n\nMore.');
    expect(article.body[1]).toEqual({ type: 'heading', text: 'Two', level: 1 });
  });

  it('survives lists and quotes nested thousands of levels deep', () => {
    const list = Array.from({ length: 3000 }, (_, index) => `${'  '.repeat(index)}- item ${index}`).join('\n');
    expect(read(`# Deep list\n\n${list}`).body).toHaveLength(3000);
    const quote = read(`# Deep quote\n\n${'> '.repeat(5000)}words`);
    expect(quote.body).toEqual([{ type: 'quote', text: 'words' }]);
  });
});
