import { describe, expect, it } from 'vitest';
import { ingestText } from '../../src/ingest/index.js';

function read(text: string) {
  return ingestText(text, 'story.txt', 'text').articles[0]!;
}

describe('plain text', () => {
  it('takes the first non-empty line as the title and blank lines as paragraph breaks', () => {
    const article = read('\n\n  Ferry fares rise  \n\nFares rise in May.\n\n\nThe operator blamed fuel.\n');
    expect(article.title).toBe('Ferry fares rise');
    expect(article.body).toEqual([
      { type: 'paragraph', text: 'Fares rise in May.' },
      { type: 'paragraph', text: 'The operator blamed fuel.' },
    ]);
    expect(article).toMatchObject({ language: 'en', source: 'story.txt' });
    expect(article.standfirst).toBeUndefined();
  });

  it('joins hard-wrapped lines of one paragraph', () => {
    const article = read(
      [
        'Wrapped story',
        '',
        'The harbour board met on Tuesday evening to discuss the',
        'future of the old ferry terminal, which has stood empty',
        'since the last crossing left in 2019. Members agreed to',
        'commission a study.',
      ].join('\n'),
    );
    expect(article.body).toEqual([
      {
        type: 'paragraph',
        text: 'The harbour board met on Tuesday evening to discuss the future of the old ferry terminal, which has stood empty since the last crossing left in 2019. Members agreed to commission a study.',
      },
    ]);
  });

  it('keeps wire-copy lines that each stand alone as separate nodes', () => {
    const article = read('Title\n\nThe deck of the story is one line.\nThe deck of the story is one line.PHOTO: AFP\n\nBody.');
    expect(article.body.map((node) => node.text)).toEqual([
      'The deck of the story is one line.',
      'The deck of the story is one line.PHOTO: AFP',
      'Body.',
    ]);
  });

  it('joins a line that continues in lower case', () => {
    const article = read('Title\n\nShares fell 3% after the company said.\nprofits would be lower.');
    expect(article.body).toEqual([{ type: 'paragraph', text: 'Shares fell 3% after the company said. profits would be lower.' }]);
  });

  it('makes ALL-CAPS and short unpunctuated lines standing alone into level-2 headings', () => {
    const article = read('Title\n\nFirst paragraph.\n\nSLOWER TRADE\n\nSecond paragraph.\n\nPutin in Moscow\n\nThird paragraph.\n\n09:42 GMT\n\nFourth.');
    expect(article.body.filter((node) => node.type === 'heading')).toEqual([
      { type: 'heading', text: 'SLOWER TRADE', level: 2 },
      { type: 'heading', text: 'Putin in Moscow', level: 2 },
      { type: 'heading', text: '09:42 GMT', level: 2 },
    ]);
  });

  it('does not make short sentences, bylines or long lines headings', () => {
    const article = read('Title\n\nIt rained.\n\nBy Ana Lima\n\nA line that is much too long to be a heading even though it has no full stop at all');
    expect(article.body.every((node) => node.type === 'paragraph')).toBe(true);
  });

  it('splits a heading written directly above its paragraph', () => {
    const article = read('Title\n\nWhat happens next\nThe council will publish a full design in January and hold a consultation.');
    expect(article.body).toEqual([
      { type: 'heading', text: 'What happens next', level: 2 },
      { type: 'paragraph', text: 'The council will publish a full design in January and hold a consultation.' },
    ]);
  });

  it('does not take a press-release marker for the title', () => {
    const article = read('FOR IMMEDIATE RELEASE\n\nAcme opens new plant\n\nAcme opened a plant.');
    expect(article.title).toBe('Acme opens new plant');
    expect(article.body[0]).toEqual({ type: 'paragraph', text: 'FOR IMMEDIATE RELEASE' });
  });

  it('reads Windows and old Mac line endings', () => {
    expect(read('Title\r\n\r\nOne.\r\n\r\nTwo.').body).toHaveLength(2);
    expect(read('Title\r\rOne.\r\rTwo.').body).toHaveLength(2);
  });

  it('keeps markup in plain text as text', () => {
    const article = read('Form fields\n\nEngineers typed <break time="100s"/> into the box & waited.');
    expect(article.body[0]!.text).toBe('Engineers typed <break time="100s"/> into the box & waited.');
  });

  it('reads a 10 MB file', () => {
    const paragraph = 'The committee met again on Tuesday and reviewed the schedule in detail.\n\n';
    const text = `Big story\n\n${paragraph.repeat(Math.ceil(10_000_000 / paragraph.length))}`;
    const article = read(text);
    expect(article.body.length).toBeGreaterThan(100_000);
  }, 30_000);
});
